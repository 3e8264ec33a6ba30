import Foundation
import GlocalCore

/// One publish attempt as the dispatcher's log hook sees it: which variant went to which account on
/// which network, what came of it and how long it took. It carries no post text and no credentials.
public struct PublishAttempt: Sendable, Equatable {
    /// The variant.
    public var variantID: String
    /// The account.
    public var accountID: String
    /// The network.
    public var network: Network
    /// ``JobReport/outcome``: `published`, `retry`, `rate_limited`, `unknown`, `held`, `failed`.
    public var outcome: String
    /// Why, for an attempt that did not publish (the resolver's reason), or one that published without its link.
    public var reason: String?
    /// Whether the attempt looked an unsure post up first.
    public var reconciled: Bool
    /// How long the attempt took, in seconds.
    public var seconds: TimeInterval

    /// Creates an attempt record.
    public init(
        variantID: String, accountID: String, network: Network, outcome: String, reason: String?, reconciled: Bool,
        seconds: TimeInterval
    ) {
        self.variantID = variantID
        self.accountID = accountID
        self.network = network
        self.outcome = outcome
        self.reason = reason
        self.reconciled = reconciled
        self.seconds = seconds
    }

    /// The record of `report`, attempted in `seconds`.
    init(_ report: JobReport, reconciled: Bool, seconds: TimeInterval) {
        self.init(
            variantID: report.variantID, accountID: report.accountID, network: report.network, outcome: report.outcome,
            reason: report.reason, reconciled: reconciled, seconds: seconds)
    }
}
