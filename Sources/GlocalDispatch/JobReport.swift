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
    /// Why nothing was resolved (lease lost, job withdrawn), or what the post lacks once out (its link reply failed:
    /// ``LinkReplyFailure``), if so.
    public var note: String?
    /// Seconds between the slot and the moment the post was known to be out.
    public var lateness: TimeInterval?
    /// How the resolution settles the job (``JobSettlement``), once the attempt resolved: it says whether the
    /// job is given up (the attempt that spent its last allowed attempt is a failure, not a retry).
    public var settlement: JobSettlement?

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

    /// A short label of the outcome, for logs and metrics: `failed` for a job given up, whatever the attempt said
    /// (attempts exhausted, or an outcome never learned: its variant stays `unknown`).
    public var outcome: String {
        if settlement?.discardReason != nil { return "failed" }
        switch resolution {
        case .published: return "published"
        case .retry(_, let reason, _): return RateLimitWait.isRateLimit(reason) ? "rate_limited" : "retry"
        case .reconcile: return "unknown"
        case .hold: return "held"
        case .fail: return "failed"
        case nil: return note == nil ? "none" : "skipped"
        }
    }

    /// Why the job did not publish, as the line, the log and the alert say it: the reason it was given up for, else
    /// the resolution's reason; for a publication, why it went out without its link (`nil` for one that went out
    /// whole, or a job not attempted).
    public var reason: String? {
        if let given = settlement?.discardReason { return given }
        switch resolution {
        case .retry(_, let reason, _), .reconcile(_, let reason), .hold(let reason), .fail(let reason): return reason
        case .published: return settlement?.linkReplyFailure?.note
        case nil: return nil
        }
    }
}
