import Foundation

/// The shape `POST /2/tweets` accepts, as both OpenAPI versions' `TweetCreateRequest` (`CreatePostsRequest`) give
/// it: no property the schema does not name (`additionalProperties: false`, at the top and inside `media`, `reply`,
/// `poll`, `geo`, `edit_options`), ids that match `^[0-9]{1,19}$`, `reply.in_reply_to_tweet_id` required,
/// `reply_settings` from its enum, a poll of 2–4 options of 1–25 characters lasting 5–10080 minutes, and media,
/// a quoted post, a poll and a card never together ("mutually exclusive"). Text length is ``XRoutes``'s.
enum XTweetRequestCheck {
    /// The properties of each object of the request, by its JSON path.
    static let properties: [String: Set<String>] = [
        "$": [
            "card_uri", "community_id", "direct_message_deep_link", "edit_options", "for_super_followers_only", "geo",
            "made_with_ai", "media", "nullcast", "paid_partnership", "poll", "quote_tweet_id", "reply",
            "reply_settings", "share_with_followers", "text",
        ],
        "$.media": ["media_ids", "tagged_user_ids"],
        "$.reply": ["auto_populate_reply_metadata", "exclude_reply_user_ids", "in_reply_to_tweet_id"],
        "$.poll": ["duration_minutes", "options", "reply_settings"],
        "$.geo": ["place_id"],
        "$.edit_options": ["previous_post_id"],
    ]

    /// `reply_settings`' enum.
    static let replySettings: Set<String> = ["following", "mentionedUsers", "subscribers", "verified"]

    /// What is wrong with the request, as X's `invalid-request` names it (the parameter, its value, a message), or
    /// `nil` when the schema holds.
    static func problem(_ json: [String: Any]) -> (parameter: String, value: String, message: String)? {
        for path in properties.keys.sorted() {
            let key = String(path.dropFirst(2))
            guard let object: Any = path == "$" ? json : json[key] else { continue }
            guard let fields = object as? [String: Any] else {
                return (key, "\(object)", "\(path): object expected")
            }
            for field in fields.keys.sorted() where !(properties[path] ?? []).contains(field) {
                return (
                    field, "",
                    "\(path).\(field): is not defined in the schema and the schema does not allow additional properties"
                )
            }
        }
        for (path, value) in [("quote_tweet_id", json["quote_tweet_id"]), ("community_id", json["community_id"])] {
            if let value, !isID(value) { return (path, "\(value)", "$.\(path): does not match the regex pattern ^[0-9]{1,19}$") }
        }
        if let text = json["text"], !(text is String) { return ("text", "\(text)", "$.text: string found, other expected") }
        if let media = json["media"] as? [String: Any] {
            guard let ids = media["media_ids"] as? [Any] else {
                return ("media.media_ids", "", "$.media.media_ids: is missing but it is required")
            }
            for id in ids where !isID(id) {
                return ("media.media_ids", "\(id)", "$.media.media_ids: does not match the regex pattern ^[0-9]{1,19}$")
            }
        }
        if let reply = json["reply"] as? [String: Any] {
            guard let parent = reply["in_reply_to_tweet_id"] else {
                return ("reply.in_reply_to_tweet_id", "", "$.reply.in_reply_to_tweet_id: is missing but it is required")
            }
            if !isID(parent) {
                return (
                    "reply.in_reply_to_tweet_id", "\(parent)",
                    "$.reply.in_reply_to_tweet_id: does not match the regex pattern ^[0-9]{1,19}$"
                )
            }
        }
        for (path, value) in [
            ("reply_settings", json["reply_settings"]), ("poll.reply_settings", pollValue(json, "reply_settings")),
        ] {
            if let value, !replySettings.contains(value as? String ?? "") {
                return (path, "\(value)", "$.\(path): does not have a value in the enumeration \(replySettings.sorted())")
            }
        }
        if let problem = pollProblem(json["poll"] as? [String: Any]) { return problem }
        let exclusive = ["media", "quote_tweet_id", "poll", "card_uri"].filter { json[$0] != nil }
        if exclusive.count > 1 {
            return (
                exclusive[1], "", "\(exclusive.map { "$.\($0)" }.joined(separator: " and ")) are mutually exclusive"
            )
        }
        return nil
    }

    private static func pollValue(_ json: [String: Any], _ key: String) -> Any? { (json["poll"] as? [String: Any])?[key] }

    /// A poll's required options (2–4, each 1–25 characters) and duration (5–10080 minutes).
    private static func pollProblem(_ poll: [String: Any]?) -> (parameter: String, value: String, message: String)? {
        guard let poll else { return nil }
        guard let options = poll["options"] as? [Any] else {
            return ("poll.options", "", "$.poll.options: is missing but it is required")
        }
        guard (2...4).contains(options.count) else {
            return ("poll.options", "\(options.count)", "$.poll.options: there must be between 2 and 4 items in the array")
        }
        for option in options where !((option as? String).map { (1...25).contains($0.count) } ?? false) {
            return ("poll.options", "\(option)", "$.poll.options: each option must be a string of 1 to 25 characters")
        }
        guard let minutes = poll["duration_minutes"] as? Int else {
            return ("poll.duration_minutes", "", "$.poll.duration_minutes: is missing but it is required")
        }
        guard (5...10080).contains(minutes) else {
            return ("poll.duration_minutes", "\(minutes)", "$.poll.duration_minutes: must be between 5 and 10080")
        }
        return nil
    }

    /// A post, media or community id: `^[0-9]{1,19}$` (a string, never a JSON number).
    private static func isID(_ value: Any) -> Bool {
        (value as? String).map { SandboxIdentity.isNumeric($0) } ?? false
    }
}
