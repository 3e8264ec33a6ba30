import Foundation
import GlocalCore
import Testing

/// `glocal dispatch` writes the service log's `publish attempt` line for every attempt, as `glocal run` does
/// (docs/operations.md, Logs), on standard error, apart from the `published:` lines on standard output.
struct DispatchAttemptLogTests {
    @Test func everyAttemptIsLoggedAsAJSONLine() throws {
        let harness = try DispatchHarness(networks: [.mastodon], perNetwork: 2)
        defer { harness.tearDown() }
        let variants = try harness.approveVariants(perAccount: 1, slot: Date().addingTimeInterval(-5))
        try harness.connectAccounts()
        try harness.startSandbox()
        let (status, output, error) = try GlocalProcess.run(
            [
                "dispatch", "--database", harness.database, "--sandbox", try #require(harness.sandboxURL).absoluteString,
                "--once", "--log-format", "json",
            ], in: harness.root)
        #expect(status == 0, "\(error)")
        #expect(output.split(separator: "\n").filter { $0.hasPrefix("published: ") }.count == variants.count)
        let lines = error.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let attempts = lines.filter { $0["message"] as? String == "publish attempt" }.compactMap {
            $0["fields"] as? [String: Any]
        }
        #expect(Set(attempts.compactMap { $0["variant"] as? String }) == Set(variants.map(\.id)), "\(error)")
        #expect(attempts.count == variants.count)
        #expect(attempts.allSatisfy { $0["outcome"] as? String == "published" && $0["network"] as? String == "mastodon" })
        #expect(attempts.allSatisfy { $0["duration_ms"] is Double || $0["duration_ms"] is Int })
        // Never a token in the log.
        #expect(!error.contains("~token"))
    }

    @Test func theTextLogHasTheSameLines() throws {
        let harness = try DispatchHarness(networks: [.mastodon], perNetwork: 1)
        defer { harness.tearDown() }
        let variants = try harness.approveVariants(perAccount: 1, slot: Date().addingTimeInterval(-5))
        try harness.connectAccounts()
        try harness.startSandbox()
        let (status, _, error) = try GlocalProcess.run(
            ["dispatch", "--database", harness.database, "--sandbox", try #require(harness.sandboxURL).absoluteString, "--once"],
            in: harness.root)
        #expect(status == 0, "\(error)")
        let attempt = try #require(error.split(separator: "\n").first { $0.contains("publish attempt") }, "\(error)")
        #expect(attempt.contains("variant=\(variants[0].id)") && attempt.contains("outcome=published"))
    }
}
