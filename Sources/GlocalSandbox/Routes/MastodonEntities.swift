import Foundation

/// Mastodon entities as the API documents them (`Status`, `MediaAttachment`, `Account`), with every attribute that
/// is not optional.
enum MastodonEntities {
    static let host = "https://mastodon.sandbox"

    /// The `Account` of a numeric account id.
    static func account(_ id: String, name: String? = nil) -> [String: Any] {
        let username = username(name ?? id)
        return [
            "id": id, "username": username, "acct": username, "display_name": username, "url": "\(host)/@\(username)",
            "uri": "\(host)/users/\(username)", "note": "", "avatar": "\(host)/avatars/original/missing.png",
            "avatar_static": "\(host)/avatars/original/missing.png", "header": "\(host)/headers/original/missing.png",
            "header_static": "\(host)/headers/original/missing.png", "locked": false, "fields": [], "emojis": [],
            "bot": false, "group": false, "discoverable": true, "created_at": "2026-01-01T00:00:00.000Z",
            "last_status_at": NSNull(), "statuses_count": 0, "followers_count": 0, "following_count": 0,
        ]
    }

    /// A `MediaAttachment` of an image or video the account uploaded; `url` is null while it is `processing`.
    static func attachment(_ media: SandboxPost, processing: Bool = false) -> [String: Any] {
        let isVideo = media.body.contains("video/")
        return [
            "id": media.id, "type": isVideo ? "video" : "image",
            "url": processing ? NSNull() : "\(host)/media/\(media.id)" as Any,
            "preview_url": "\(host)/media/\(media.id)/small", "remote_url": NSNull(), "meta": [String: Any](),
            "description": media.altText ?? NSNull(), "blurhash": "UCDJaM~qD%oz~qt7WBIU?bj[s:M{j[Rjt7ay",
        ]
    }

    /// A `Status`; `media` are its attachments, `counts` its engagement, `name` the name its account's id was derived
    /// from (its `username`, as `verify_credentials` answers it), `parentAccount` the author of the status it replies to.
    static func status(
        _ post: SandboxPost, media: [SandboxPost], counts: [String: Int], name: String? = nil, parentAccount: String? = nil
    ) -> [String: Any] {
        let escaped = post.text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        let request = MastodonStatusRequest(stored: post.body)
        let account = account(post.account, name: name)
        let username = account["username"] as? String ?? post.account
        return [
            "id": post.id, "uri": "\(host)/users/\(username)/statuses/\(post.id)",
            "created_at": SandboxDialect.iso(post.postedAt), "account": account, "content": "<p>\(escaped)</p>",
            "visibility": request.visibility ?? "public", "sensitive": request.sensitive, "spoiler_text": request.spoilerText,
            "media_attachments": media.map { attachment($0) }, "mentions": [], "tags": [], "emojis": [],
            "reblogs_count": counts["reposts"] ?? 0, "favourites_count": counts["likes"] ?? 0,
            "quotes_count": counts["quotes"] ?? 0, "replies_count": counts["replies"] ?? 0,
            "url": "\(host)/@\(username)/\(post.id)", "in_reply_to_id": post.parentID ?? NSNull(),
            "in_reply_to_account_id": post.parentID == nil ? NSNull() : (parentAccount ?? post.account) as Any,
            "reblog": NSNull(), "poll": NSNull(),
            "card": NSNull(), "language": request.language.map { $0 as Any } ?? NSNull(), "text": NSNull(), "edited_at": NSNull(),
            "quote": NSNull(),
            "quote_approval": ["automatic": ["public"], "manual": [], "current_user": "automatic"] as [String: Any],
            "tagged_collections": [],
        ]
    }

    /// A valid Mastodon username (letters, digits, `_`) from an account name.
    static func username(_ name: String) -> String {
        let kept = name.filter { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }
        return kept.isEmpty ? "user" : String(kept.prefix(30))
    }
}
