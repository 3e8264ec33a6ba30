import Foundation

/// What a node's `/healthz` says of its dispatcher: when a round last finished, and whether the rounds tried since
/// have failed (the database is away). A node whose latest round failed is unhealthy at once, with the reason, so a
/// load balancer or a person sees a database outage without waiting for the rounds to grow old.
public struct DispatchRoundHealth: Sendable, Equatable {
    /// When a round last finished.
    public private(set) var lastRound: Date?
    /// When the rounds started failing, if the latest one failed.
    public private(set) var failingSince: Date?
    /// Why the latest round failed (one line, no secret: the store's errors never carry arguments or passwords).
    public private(set) var failure: String?

    /// No round yet.
    public init() {}

    /// A round finished at `date`.
    public mutating func succeeded(at date: Date) {
        lastRound = date
        failingSince = nil
        failure = nil
    }

    /// A round failed at `date` because of `reason`, kept on one line (an SQLite error quotes its statement,
    /// over several lines).
    public mutating func failed(at date: Date, reason: String) {
        if failingSince == nil { failingSince = date }
        failure = reason.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Healthy when no failure follows the last round and that round finished within `seconds` of `now`.
    public func health(now: Date, within seconds: TimeInterval) -> (healthy: Bool, status: String) {
        let last = lastRound.map { String(format: "last round %.0f s ago", now.timeIntervalSince($0)) } ?? "no round finished yet"
        if let failingSince, let failure {
            let since = String(format: "%.0f", now.timeIntervalSince(failingSince))
            return (false, "dispatcher: rounds failing for \(since) s (\(last)): \(failure)")
        }
        guard let lastRound else { return (false, "dispatcher: no round finished yet") }
        return (now.timeIntervalSince(lastRound) <= seconds, "dispatcher: \(last)")
    }
}
