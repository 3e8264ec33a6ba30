import Foundation

/// The dispatcher's give-up of a post whose outcome it never learned (docs/operations.md, Outcomes): the variant
/// stays `unknown` (maybe posted, maybe not), and a person must look. Pure: read from the variant's audit history.
public struct UnknownOutcomeGiveUp: Sendable, Equatable {
    /// Why the dispatcher gave up.
    public var reason: String
    /// When.
    public var at: Date

    /// Creates a give-up.
    public init(reason: String, at: Date) {
        self.reason = reason
        self.at = at
    }

    /// The give-up that left the variant as it is, if its last state event in `history` (oldest first) is one: an
    /// `unknown` → `unknown` event with its reason, which the queue writes only when it gives such a post up.
    public static func latest(in history: [AuditEvent]) -> UnknownOutcomeGiveUp? {
        guard let last = history.last(where: { $0.action == .setState }), last.fromState == .unknown,
            last.toState == .unknown, let reason = last.reason
        else { return nil }
        return UnknownOutcomeGiveUp(reason: reason, at: last.at)
    }

    /// What a person should check for a post of `accountID` on `network`.
    public static func advice(accountID: String, network: Network) -> String {
        "glocal never learned whether \(network.displayName) published it: look for the post on \(accountID); "
            + "if it is there, nothing is to be done; if not, publish it by hand"
    }
}
