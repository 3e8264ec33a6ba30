import Foundation
import GlocalCore
import GlocalDispatch
import GlocalSandbox
import Synchronization
import Testing

/// The dispatcher's logging hook: one record per publish attempt (variant, account, network, outcome,
/// duration), and nothing of the credentials the request carried.
struct PublishAttemptLogTests {
    @Test func everyAttemptIsReportedOnceWithItsOutcomeAndNoToken() async throws {
        let attempts = Mutex<[PublishAttempt]>([])
        try await DispatchHarness.run(onAttempt: { attempt in attempts.withLock { $0.append(attempt) } }) {
            dispatcher, _, sandbox, _, variants in
            // X refuses its token once: the attempt that met the refusal is reported too.
            await sandbox.inject(SandboxFault(network: "x", account: "2244994945", kind: .expiredToken))
            var reports: [JobReport] = []
            for _ in 0..<3 { reports += try await dispatcher.runOnce() }
            let seen = attempts.withLock { $0 }
            #expect(seen.count == reports.filter { $0.note == nil && $0.resolution != nil }.count)
            #expect(Set(seen.filter { $0.outcome == "published" }.map(\.variantID)) == Set(variants.map(\.id)))
            #expect(seen.contains { $0.network == .x && $0.outcome != "published" })
            #expect(seen.allSatisfy { $0.seconds >= 0 && $0.seconds < 60 })
            for attempt in seen {
                let written = "\(attempt)"
                for account in DispatchHarness.accounts {
                    #expect(!written.contains(account.credentials.accessToken))
                    #expect(!written.contains("secret-"))
                    if let refresh = account.credentials.refreshToken { #expect(!written.contains(refresh)) }
                }
            }
        }
    }
}
