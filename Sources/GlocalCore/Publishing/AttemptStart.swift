import Foundation

/// What a worker must do with a job it just claimed (`PublishQueue.begin`).
public enum AttemptStart: Sendable, Equatable {
    /// Send the post: the variant is now `publishing` (committed before any byte goes out).
    case send(StoredVariant)
    /// An earlier attempt may have gone out: look the post up (with the handle it saved, if any)
    /// before anything else.
    case reconcile(StoredVariant, pending: PublishReceipt?)
    /// Nothing to send any more (the variant changed state): the job was withdrawn.
    case skip(reason: String)
    /// The account reached one of its network's publishing caps: the job waits until `until`,
    /// attempt refunded; `reason` says which cap (it starts with `PublishingCap.reason`).
    case deferred(until: Date, reason: String)
    /// The lease was lost (rescued): stop without writing.
    case leaseLost
}

/// How a claimed job starts, from its variant's state alone: the first decision of `begin`, before
/// the store checks publishing caps (for a send) or reads the saved handle (for a look-up).
public enum AttemptOpening: Sendable, Equatable {
    /// A first send: check the caps, then move the variant to `publishing`.
    case send
    /// The post may be out already: look it up before anything else.
    case reconcile
    /// The variant left the queue's hands: withdraw the job with this reason.
    case withdraw(reason: String)

    /// How a job whose variant is in `state` starts.
    public static func opening(for state: VariantState) -> AttemptOpening {
        switch state {
        case .scheduled: return .send
        case .publishing, .unknown: return .reconcile
        default: return .withdraw(reason: "variant is \(state.rawValue)")
        }
    }
}
