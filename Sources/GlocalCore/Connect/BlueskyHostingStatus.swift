import Foundation

/// Whether a Bluesky account can post, from the `active` and `status` of its session
/// (`com.atproto.server.refreshSession`: "Hosting status of the account. If not specified, then assume 'active'.",
/// known values `takendown`, `suspended`, `deactivated`). A session that refreshes for an account that is not active
/// cannot publish: glocal holds the account with the reason instead of sending posts its PDS refuses.
public enum BlueskyHostingStatus {
    /// `nil` when the account is active (or nothing says otherwise); else why it cannot post, in plain words.
    public static func refusal(active: Bool?, status: String?) -> String? {
        let inactive = active == false || (status.map { $0 != "active" } ?? false)
        guard inactive else { return nil }
        let state = status ?? "not active"
        let meaning: String
        switch state {
        case "takendown": meaning = "taken down by Bluesky's moderation"
        case "suspended": meaning = "suspended"
        case "deactivated": meaning = "deactivated by its owner"
        default: meaning = "not active (\(state))"
        }
        return "the Bluesky account is \(meaning) (its PDS's session says status \(state)): it cannot post until it is "
            + "active again; then reconnect it (Reconnect on the accounts page, or glocal account connect)"
    }
}
