import Foundation

/// The attempts waiting for their callback. Taking one removes it (a `state` serves once); attempts older than
/// ``lifetime`` are refused and forgotten. A value: the server keeps one behind a lock.
public struct ConnectAttemptLedger: Sendable {
    /// How long a started connection waits for its callback.
    public static let lifetime: TimeInterval = 600
    /// The most attempts kept at once (the oldest are dropped first).
    public static let capacity = 1_000

    private var attempts: [String: ConnectAttempt] = [:]

    /// An empty ledger.
    public init() {}

    /// The number of attempts waiting.
    public var count: Int { attempts.count }

    /// Remembers `attempt` (and forgets expired ones).
    public mutating func add(_ attempt: ConnectAttempt, now: Date) {
        attempts = attempts.filter { now.timeIntervalSince($0.value.issuedAt) <= Self.lifetime }
        while attempts.count >= Self.capacity, let oldest = attempts.values.min(by: { $0.issuedAt < $1.issuedAt }) {
            attempts[oldest.state] = nil
        }
        attempts[attempt.state] = attempt
    }

    /// Checks a callback's `state` against the attempt it names, removing that attempt whatever the outcome (a state
    /// serves once, even a refused one): it must exist, belong to `sessionKey`, concern `network`, and be recent.
    public mutating func take(state: String?, sessionKey: String?, network: String, now: Date) -> Result<
        ConnectAttempt, ConnectRefusal
    > {
        guard let state, !state.isEmpty else { return .failure(.stateMissing) }
        guard let attempt = attempts.removeValue(forKey: state) else { return .failure(.stateUnknown) }
        return Self.check(attempt, sessionKey: sessionKey, network: network, now: now)
    }

    /// The checks of ``take(state:sessionKey:network:now:)`` on one attempt.
    public static func check(_ attempt: ConnectAttempt, sessionKey: String?, network: String, now: Date) -> Result<
        ConnectAttempt, ConnectRefusal
    > {
        guard let sessionKey, sessionKey == attempt.sessionKey else { return .failure(.otherSession) }
        guard attempt.network == network else { return .failure(.networkMismatch(expected: attempt.network, got: network)) }
        guard now >= attempt.issuedAt.addingTimeInterval(-60) else {
            return .failure(.fromTheFuture(minutes: Int((attempt.issuedAt.timeIntervalSince(now) / 60).rounded(.up))))
        }
        guard now.timeIntervalSince(attempt.issuedAt) <= lifetime else { return .failure(.expired(minutes: Int(lifetime / 60))) }
        return .success(attempt)
    }
}
