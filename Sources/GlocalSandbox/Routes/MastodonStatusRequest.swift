import Foundation
import GlocalCore

/// The parameters of `POST /api/v1/statuses`, read from the documented form data (`status`, `media_ids[]`, …;
/// url-encoded or multipart) or from a JSON body, and Mastodon's validation of them.
struct MastodonStatusRequest: Sendable, Equatable {
    var status: String
    var mediaIDs: [String]
    var visibility: String?
    var language: String?
    var inReplyToID: String?
    /// `sensitive` (false unless given) and `spoiler_text` (empty unless given), which the `Status` echoes.
    var sensitive = false
    var spoilerText = ""

    /// `statuses.max_characters`, `statuses.characters_reserved_per_url` and `max_media_attachments` of a default
    /// instance (`/api/v2/instance`).
    static let maxCharacters = 500
    static let maxMediaAttachments = 4
    /// The values `visibility` takes.
    static let visibilities: Set<String> = ["public", "unlisted", "private", "direct"]

    /// The parameters of a call: a JSON body, else its form or multipart fields.
    init(_ call: SandboxCall) {
        if call.headers["content-type"]?.hasPrefix("application/json") == true {
            self.init(json: call.json)
        } else {
            self.init(pairs: call.bodyPairs)
        }
    }

    /// The parameters of a body as the sandbox stored it (JSON, or form-encoded fields).
    init(stored body: String) {
        if let json = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] {
            self.init(json: json)
        } else {
            self.init(pairs: SandboxCall.formPairs(body))
        }
    }

    private init(json: [String: Any]) {
        status = json["status"] as? String ?? ""
        mediaIDs = json["media_ids"] as? [String] ?? []
        visibility = json["visibility"] as? String
        language = json["language"] as? String
        inReplyToID = json["in_reply_to_id"] as? String
        sensitive = Self.isTrue(json["sensitive"])
        spoilerText = json["spoiler_text"] as? String ?? ""
    }

    private init(pairs: [(name: String, value: String)]) {
        func value(_ name: String) -> String? { pairs.last { $0.name == name }?.value }
        status = value("status") ?? ""
        mediaIDs = pairs.filter { $0.name == "media_ids[]" }.map(\.value)
        visibility = value("visibility")
        language = value("language")
        inReplyToID = value("in_reply_to_id")
        sensitive = Self.isTrue(value("sensitive"))
        spoilerText = value("spoiler_text") ?? ""
    }

    /// A Boolean parameter as Rails reads it: JSON `true`, or form text `true`, `1`, `t`, `on` (any case).
    private static func isTrue(_ value: Any?) -> Bool {
        if let flag = value as? Bool { return flag }
        guard let text = value as? String else { return false }
        return ["true", "1", "t", "on"].contains(text.lowercased())
    }

    /// Mastodon's 422 message for a status it refuses, or `nil`; `ownMedia` tells whether an attachment id is one of
    /// the account's uploads.
    func refusal(ownMedia: (String) -> Bool) -> String? {
        if TextCounter.isBlank(status) && mediaIDs.isEmpty { return "Validation failed: Text can't be blank" }
        if MastodonLengthCounter.length(status) > Self.maxCharacters {
            return "Validation failed: Text character limit of \(Self.maxCharacters) exceeded"
        }
        if let visibility, !Self.visibilities.contains(visibility) {
            return "Validation failed: Visibility is not included in the list"
        }
        if mediaIDs.count > Self.maxMediaAttachments {
            return "Validation failed: Cannot attach more than \(Self.maxMediaAttachments) files"
        }
        if !mediaIDs.allSatisfy(ownMedia) { return "Validation failed: Media attachments are invalid" }
        return nil
    }
}
