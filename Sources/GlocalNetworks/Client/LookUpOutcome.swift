import GlocalCore

/// What reconciliation found.
public enum LookUpOutcome: Sendable, Equatable {
    /// The post is on the network.
    case found(PublishReceipt)
    /// The post is not on the network (and a pending container, if any, was not published): publishing again is safe.
    case notFound
    /// The look-up itself failed; the reason is a ``PublishOutcome`` (rate limited, reconnect, transient …).
    case failed(PublishOutcome)
}
