import Foundation
import GlocalCore
import GlocalNetworks

/// What became of one claimed job in a round.
public struct JobReport: Sendable, Equatable {
    /// The variant.
    public var variantID: String
    /// The account.
    public var accountID: String
    /// The network.
    public var network: Network
    /// What the queue was told to do.
    public var resolution: JobResolution?
    /// Why nothing was resolved (lease lost, job withdrawn), if so.
    public var note: String?
    /// Seconds between the slot and the moment the post was known to be out.
    public var lateness: TimeInterval?

    /// A report of a job whose attempt has not been resolved yet.
    public init(
        variantID: String, accountID: String, network: Network, resolution: JobResolution? = nil, note: String? = nil,
        lateness: TimeInterval? = nil
    ) {
        self.variantID = variantID
        self.accountID = accountID
        self.network = network
        self.resolution = resolution
        self.note = note
        self.lateness = lateness
    }

    /// A short label of the outcome, for logs and metrics.
    public var outcome: String {
        switch resolution {
        case .published: return "published"
        case .retry(_, let reason, _): return reason == OutcomeResolver.rateLimited ? "rate_limited" : "retry"
        case .reconcile: return "unknown"
        case .hold: return "held"
        case .fail: return "failed"
        case nil: return note == nil ? "none" : "skipped"
        }
    }
}
