/// A variant's business lifecycle (docs/architecture.md): draft → pending_approval → approved → scheduled →
/// publishing → published, with the side exits rejected, cancelled, failed, unknown and missed.
public enum VariantState: String, Sendable, CaseIterable, Codable {
    /// Being prepared; not yet offered for approval.
    case draft
    /// Waiting for a local manager.
    case pendingApproval = "pending_approval"
    /// Approved; waiting for its slot.
    case approved
    /// Queued for publishing at its slot.
    case scheduled
    /// Being sent to the network.
    case publishing
    /// Out; never altered again.
    case published
    /// Refused by a local manager.
    case rejected
    /// Withdrawn (its post left the campaign).
    case cancelled
    /// The network refused it for good.
    case failed
    /// The outcome is not known after a crash or timeout: reconcile before any retry.
    case unknown
    /// Its slot passed while paused: needs a new slot or approval, never sent late silently.
    case missed

    /// Whether the network may already have the post, so the plan must not touch it.
    public var isPublishedOrInFlight: Bool { self == .published || self == .publishing || self == .unknown }

    /// Whether the variant is finished one way or another.
    public var isFinal: Bool { [.published, .rejected, .cancelled, .failed].contains(self) }

    /// Whether a plan may still cancel it: neither out (or on its way) nor finished.
    public var isCancellable: Bool { !isPublishedOrInFlight && !isFinal }
}
