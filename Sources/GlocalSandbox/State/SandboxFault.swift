import Foundation
import GlocalCore

/// A fault to inject into the next matching calls of one network (and optionally one account).
public struct SandboxFault: Sendable, Codable, Equatable {
    /// What goes wrong.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// 429 (or the network's throttling error) with a reset `seconds` from now.
        case rateLimit = "rate_limit"
        /// 500/503 in the network's format.
        case serverError = "server_error"
        /// The post is stored, then the answer waits `seconds` (beyond the client's timeout), or, in the same
        /// process, until the test releases the hold it asked for (``SandboxState/holdNextSlowAnswer()``).
        case slow
        /// The post is stored, then the connection is closed without an answer.
        case dropAfterStore = "drop_after_store"
        /// The post is stored, then the network's 5xx answer (as `server_error`) comes back: the worst passing failure.
        case errorAfterStore = "error_after_store"
        /// The network's expired-token answer (Bluesky 400 `ExpiredToken`, Graph 190, others 401).
        case expiredToken = "expired_token"
        /// An uploaded video never finishes processing: each hit answers a media status poll with `processing`
        /// (Pinterest `GET /v5/media/{id}`) or `in_progress` without moving on (X `GET /2/media/upload?command=STATUS`);
        /// other calls never take it.
        case stuckUpload = "stuck_upload"
        /// An uploaded video's processing fails: a hit answers a media status poll with `failed` (Pinterest
        /// `GET /v5/media/{id}`; X `GET /2/media/upload?command=STATUS`, with a Problem in `errors`, and the media
        /// stays failed); other calls never take it.
        case failUpload = "fail_upload"
        /// An upload session expires: the next call to it (a YouTube chunk `PUT` or status query) finds it gone and
        /// answers Google's `404 notFound`; other calls never take it.
        case expireSession = "expire_session"

        /// Whether the fault happens after a post is stored (only on calls that store one).
        var afterStore: Bool { self == .slow || self == .dropAfterStore || self == .errorAfterStore }

        /// Whether the fault answers media status polls only.
        var atStatusPoll: Bool { self == .stuckUpload || self == .failUpload }

        /// Whether the fault hits upload session calls only.
        var atUploadSession: Bool { self == .expireSession }
    }

    /// `x`, `bluesky`, … or `webhook`.
    public var network: String
    /// The account key (see `docs/networks.md`); `nil` matches every account.
    public var account: String?
    /// The fault.
    public var kind: Kind
    /// How many calls it hits.
    public var count: Int
    /// Reset delay (`rate_limit`) or delay (`slow`), in seconds.
    public var seconds: Double?
    /// Only calls whose URL path contains this text (e.g. `dms-uploads`, `/photos`); `nil` matches every call.
    public var path: String?

    /// Creates a fault.
    public init(
        network: String, account: String? = nil, kind: Kind, count: Int = 1, seconds: Double? = nil, path: String? = nil
    ) {
        self.network = network
        self.account = account
        self.kind = kind
        self.count = count
        self.seconds = seconds
        self.path = path
    }

    /// Whether the fault hits a call of `network` and `account` to `callPath`.
    func matches(
        network: String, account: String, path callPath: String, afterStore: Bool, statusPoll: Bool = false,
        uploadSession: Bool = false
    ) -> Bool {
        self.network == network && (self.account == nil || self.account == account) && kind.afterStore == afterStore
            && kind.atStatusPoll == statusPoll && kind.atUploadSession == uploadSession
            && (path.map { callPath.contains($0) } ?? true)
    }

    private enum CodingKeys: String, CodingKey { case network, account, kind, count, seconds, path }

    /// Decodes a fault; `count` defaults to 1.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            network: try container.decode(String.self, forKey: .network),
            account: try container.decodeIfPresent(String.self, forKey: .account),
            kind: try container.decode(Kind.self, forKey: .kind),
            count: try container.decodeIfPresent(Int.self, forKey: .count) ?? 1,
            seconds: try container.decodeIfPresent(Double.self, forKey: .seconds),
            path: try container.decodeIfPresent(String.self, forKey: .path))
    }
}
