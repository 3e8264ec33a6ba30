import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox

/// A running sandbox and an environment whose clients talk to it over real HTTP.
struct SandboxHarness: Sendable {
    let state: SandboxState
    let environment: ClientEnvironment
    /// The same sandbox with the normal timeout on every call, for the calls after an injected fault.
    let relaxedEnvironment: ClientEnvironment
    /// With `holdingSlowAnswer`: the hold of the next `slow` fault's answer, which `environment`'s transport treats
    /// as its timeout (``HeldAnswerTransport``) and the test releases.
    let answerHold: SandboxAnswerHold?
    let now: Date

    /// 2026-12-01 09:00:00 UTC, a whole second, so header resets are exact.
    static let start = Date(timeIntervalSince1970: 1_796_115_600)

    /// Starts a sandbox on a free loopback port with its clock stopped at `start`, runs `body`, stops it.
    /// With `holdingSlowAnswer`, the next `slow` fault holds its answer until the test releases ``answerHold``, and
    /// the call waiting for it gives up as timed out once the post is stored.
    static func run(
        timeout: TimeInterval = 60, holdingSlowAnswer: Bool = false, _ body: @Sendable (SandboxHarness) async throws -> Void
    ) async throws {
        let state = SandboxState(now: start)
        let hold = holdingSlowAnswer ? await state.holdNextSlowAnswer() : nil
        let transport: any HTTPTransport =
            hold.map { HeldAnswerTransport(base: URLSessionTransport(timeout: timeout), hold: $0) }
            ?? URLSessionTransport(timeout: timeout)
        try await SandboxServer(state: state).withRunning { url in
            let environment = ClientEnvironment(transport: transport, endpoints: .sandbox(baseURL: url), clock: { start })
            // After a fault, calls get a generous timeout: the in-process sandbox answers on the test runner's
            // cooperative pool, which the rest of a full test run can keep busy for seconds.
            let relaxed = ClientEnvironment(
                transport: URLSessionTransport(timeout: max(timeout, 60)), endpoints: .sandbox(baseURL: url), clock: { start })
            try await body(
                SandboxHarness(
                    state: state, environment: environment, relaxedEnvironment: relaxed, answerHold: hold, now: start))
        }
    }

    /// The stored top-level posts of a case's network.
    func posts(_ clientCase: ClientCase) async -> [SandboxPost] {
        await state.storedPosts(network: clientCase.sandboxNetwork).filter { $0.kind == "post" }
    }

    /// Everything stored for a case's network (posts, replies, comments, media).
    func stored(_ clientCase: ClientCase) async -> [SandboxPost] { await state.storedPosts(network: clientCase.sandboxNetwork) }
}

/// Keeps the receipts a client hands to `onPending`, as the dispatcher would.
actor PendingBox {
    private(set) var receipts: [PublishReceipt] = []

    func record(_ receipt: PublishReceipt) { receipts.append(receipt) }

    var last: PublishReceipt? { receipts.last }

    nonisolated var recorder: PendingRecorder { { receipt in await self.record(receipt) } }
}

extension PublishOutcome {
    /// The receipt of `.published`, or of `.duplicate` when it names the existing post.
    var receipt: PublishReceipt? {
        switch self {
        case .published(let receipt): return receipt
        case .duplicate(let receipt): return receipt
        default: return nil
        }
    }

    var isUnknown: Bool { if case .unknown = self { return true } else { return false } }
    var isTransient: Bool { if case .transient = self { return true } else { return false } }
    var isReconnect: Bool { if case .reconnectRequired = self { return true } else { return false } }
}
