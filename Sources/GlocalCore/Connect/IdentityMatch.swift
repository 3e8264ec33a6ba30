import Foundation

/// Whether the network account that signed in is the one accounts.yaml declares: the handle compared without `@` and
/// without case (handles are case-insensitive on every network glocal serves), a Mastodon `user@instance` by user and
/// instance host, a LinkedIn organization or Facebook page also by its numeric id.
public enum IdentityMatch {
    /// The handle as compared: trimmed, without leading `@`, lowercased.
    public static func normalized(_ handle: String) -> String {
        var text = handle.trimmingCharacters(in: .whitespaces)
        while text.hasPrefix("@") { text.removeFirst() }
        return text.lowercased()
    }

    /// `nil` when `returned` is the declared account, else the refusal naming both. `instance` is the account's
    /// server (Mastodon), whose host a declared `user@host` must name.
    public static func check(declared: String, returned: [String], instance: URL? = nil) -> ConnectRefusal? {
        let wanted = normalized(declared)
        var user = wanted
        if let at = wanted.firstIndex(of: "@") {
            user = String(wanted[..<at])
            let host = String(wanted[wanted.index(after: at)...])
            if let instanceHost = instance?.host?.lowercased(), instanceHost != host {
                return .wrongIdentity(expected: declared, got: "\(returned.first ?? "?")@\(instanceHost)")
            }
        }
        let candidates = returned.map(normalized)
        for candidate in candidates {
            let bare = candidate.hasPrefix("urn:li:organization:") ? String(candidate.dropFirst(20)) : candidate
            if candidate == wanted || candidate == user || bare == wanted { return nil }
        }
        return .wrongIdentity(expected: declared, got: returned.first ?? "an unknown account")
    }
}
