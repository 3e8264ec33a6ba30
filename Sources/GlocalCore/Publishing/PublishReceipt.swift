import Foundation

/// What a network answered for a published (or pending) post, and where the store finds it again: one type from the
/// network client through the dispatcher to the queue.
public struct PublishReceipt: Sendable, Codable, Equatable {
    /// The post's id on the network (Bluesky: the `at://` URI; Instagram/Threads pending: the container id).
    public var remoteID: String
    /// A public link to the post, when known.
    public var url: String?
    /// Network-specific extras: `cid`, `rkey`, `container_id`, `first_comment_id`, `reply_id`, `link_error` …
    public var extra: [String: String]
    /// When the network said, with the post, that the account's quota is spent: the instant it
    /// resets (X, Bluesky, Mastodon rate-limit headers). The dispatcher holds the account until then,
    /// in the transaction that records the post; the store does not keep it with the receipt.
    /// Absent from receipts encoded before it existed: they decode with `nil`.
    public var quotaExhaustedUntil: Date?
    /// When the network says it created the post, where a look-up that found it gives that (X's and Mastodon's
    /// `created_at`, Threads' and Instagram's `timestamp`): the post is dated by it rather than by the look-up.
    public var createdAt: Date?

    /// Creates a receipt.
    public init(
        remoteID: String, url: String? = nil, extra: [String: String] = [:], quotaExhaustedUntil: Date? = nil,
        createdAt: Date? = nil
    ) {
        self.remoteID = remoteID
        self.url = url
        self.extra = extra
        self.quotaExhaustedUntil = quotaExhaustedUntil
        self.createdAt = createdAt
    }
}
