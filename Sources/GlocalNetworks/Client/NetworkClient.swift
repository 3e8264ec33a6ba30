import Foundation
import GlocalCore

/// Saves a pending receipt (Bluesky record key, Instagram/Threads container id) durably before the ambiguous call.
public typealias PendingRecorder = @Sendable (PublishReceipt) async throws -> Void

/// One network's API: publish, reconcile, read engagement, keep the token alive.
///
/// Pending state: where a network gives a handle before the call that makes a post live, `publish` hands it to
/// `onPending` **before** that call and proceeds only if `onPending` returns; if it throws, `publish` returns
/// `.transient` without making the call. The dispatcher stores that receipt and passes it back as `pending` to
/// `lookUp` and to any later `publish` of the same variant, which then resumes (e.g. publishes the saved container)
/// instead of starting over. Where the client chooses the handle itself from the idempotency key (the Bluesky
/// record key) there is nothing to save: `lookUp` derives it again.
///
/// Every HTTP answer goes through one pure function per client (`…ResponseClassifier.classify`) that maps
/// status, headers and body to a ``PublishOutcome``. Reasons never contain tokens.
public protocol NetworkClient: Sendable {
    /// The network this client talks to.
    var network: Network { get }

    /// Publishes `post`, resuming from `pending` when given; `.unknown` means: call ``lookUp(_:pending:credentials:)``
    /// before any retry.
    func publish(
        _ post: OutgoingPost, credentials: AccountCredentials, pending: PublishReceipt?, onPending: PendingRecorder
    ) async -> PublishOutcome

    /// Finds `post` on the network (by pending handle, idempotency key or the account's recent posts).
    func lookUp(_ post: OutgoingPost, pending: PublishReceipt?, credentials: AccountCredentials) async -> LookUpOutcome

    /// Reads the engagement counters of a published post.
    func fetchMetrics(_ receipt: PublishReceipt, credentials: AccountCredentials) async -> MetricsOutcome

    /// Exchanges the refresh token (or long-lived token) for new credentials.
    func refreshCredentials(_ credentials: AccountCredentials) async -> RefreshOutcome
}

extension NetworkClient {
    /// Publishes with no pending receipt and nowhere to record one.
    public func publish(_ post: OutgoingPost, credentials: AccountCredentials) async -> PublishOutcome {
        await publish(post, credentials: credentials, pending: nil, onPending: { _ in })
    }
}
