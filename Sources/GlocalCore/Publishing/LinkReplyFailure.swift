import Foundation

/// A post that went out without its link (docs/operations.md, Outcomes): the network took the post, then refused the
/// reply or first comment that carries the link (`reply_error` or `first_comment_error` in the receipt, whatever the
/// reason). The variant stays `published`, since the post is on the network and is never sent again; the queue writes
/// this note as a `published` → `published` event, which the failure alert and `glocal explain` read, so a person
/// adds the link by hand. Pure.
public struct LinkReplyFailure: Sendable, Equatable {
    /// What was to carry the link.
    public enum Carrier: String, Sendable, Equatable {
        /// A reply to the post (X, Threads, Bluesky, Mastodon).
        case reply
        /// The first comment under the post (LinkedIn, Facebook, Instagram).
        case firstComment = "first comment"
    }

    /// What was to carry the link.
    public var carrier: Carrier
    /// What the network answered to it.
    public var error: String

    /// Creates a failure.
    public init(carrier: Carrier, error: String) {
        self.carrier = carrier
        self.error = error
    }

    /// The failure `receipt` records, if its link reply or first comment failed.
    public init?(receipt: PublishReceipt) {
        if let error = receipt.extra["reply_error"] {
            self.init(carrier: .reply, error: error)
        } else if let error = receipt.extra["first_comment_error"] {
            self.init(carrier: .firstComment, error: error)
        } else {
            return nil
        }
    }

    /// How every note begins.
    public static let notePrefix = "published without its link: "

    /// The note the variant's history keeps, the job's last error and the alert's reason: `published without its link:
    /// the reply with the link failed (transient failure: HTTP 503): add the link as a reply to the post by hand`.
    public var note: String {
        let fix =
            switch carrier {
            case .reply: "add the link as a reply to the post by hand"
            case .firstComment: "add the link as the first comment under the post by hand"
            }
        return Self.notePrefix + "the \(carrier.rawValue) with the link failed (\(error)): \(fix)"
    }

    /// The note of the event that left the variant as it is, if its last state event in `history` (oldest first) is
    /// one: a `published` → `published` event with its reason, which the queue writes only for such a post.
    public static func latestNote(in history: [AuditEvent]) -> String? {
        guard let last = history.last(where: { $0.action == .setState }), last.fromState == .published,
            last.toState == .published, let reason = last.reason
        else { return nil }
        return reason
    }
}
