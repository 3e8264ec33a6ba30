import Foundation

/// What a bulk approve or bulk reject did: decided, skipped as stale, or refused, per variant.
public struct BulkApprovalOutcome: Sendable, Equatable {
    /// The ids decided, in the order given.
    public var decided: [String] = []
    /// The ids skipped because their content changed since the revision shown (or none was named),
    /// with the revision shown (empty when none).
    public var stale: [(id: String, shown: String)] = []
    /// The variants skipped for another reason (past deadline, not pending, not found), with the reason.
    public var refused: [(id: String, reason: String)] = []

    /// Nothing decided or skipped.
    public init() {}

    /// Equal when the same ids were decided, skipped as stale (with the same shown revision) and refused.
    public static func == (left: BulkApprovalOutcome, right: BulkApprovalOutcome) -> Bool {
        left.decided == right.decided && left.stale.map(\.id) == right.stale.map(\.id)
            && left.stale.map(\.shown) == right.stale.map(\.shown) && left.refused.map(\.id) == right.refused.map(\.id)
    }
}
