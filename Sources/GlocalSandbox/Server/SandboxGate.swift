import Foundation
import Hummingbird

/// Applies tokens and injected faults around a network route.
struct SandboxGate: Sendable {
    let state: SandboxState
    let dialect: SandboxDialect

    var network: String { dialect.rawValue }

    /// An answer when the call fails before any work (no token where one is required, or a queued fault); `nil` to go
    /// on. Graph calls may carry their token as the `access_token` parameter.
    func before(_ call: SandboxCall, account: String, refresh: Bool = false, requiresToken: Bool = true) async -> Response? {
        let token = dialect.isGraph ? call.graphToken : call.bearer
        if !refresh, requiresToken, token == nil { return dialect.missingToken() }
        // A token revoked at the network's revoke route (X's) is refused as an invalid one.
        if !refresh, let token, await state.isRevoked(token, network: network) { return dialect.expiredToken() }
        guard let fault = await state.takeFault(network: network, account: account, path: call.path, afterStore: false)
        else { return nil }
        return dialect.answer(to: fault, now: await state.now(), account: account, refresh: refresh)
    }

    /// The success answer, delayed (for the fault's seconds, or until a test releases its hold) or dropped if a fault
    /// is queued for calls that store (to `path`, when it names one).
    func after(account: String, path: String = "", _ response: Response) async -> Response {
        guard let fault = await state.takeFault(network: network, account: account, path: path, afterStore: true)
        else { return response }
        if fault.kind == .dropAfterStore { return SandboxReply.dropped() }
        if fault.kind == .errorAfterStore {
            // The network's rate-limit headers come on every answer (X: "Every response includes rate limit
            // information"), the error too.
            var error = dialect.serverError()
            for field in response.headers
            where field.name.canonicalName.contains("ratelimit")
                || field.name.canonicalName.contains("rate-limit")
            {
                error.headers[field.name] = field.value
            }
            return error
        }
        if let hold = await state.takeAnswerHold() {
            await hold.hold()
        } else {
            try? await Task.sleep(for: .milliseconds(Int((fault.seconds ?? 5) * 1000)))
        }
        return response
    }

    /// A new token pair for `account`: `account~access-N` and `account~refresh-N`.
    func issueTokens(account: String) async -> (access: String, refresh: String) {
        let serial = await state.next("\(network)/tokens")
        return ("\(account)~access-\(serial)", "\(account)~refresh-\(serial)")
    }
}
