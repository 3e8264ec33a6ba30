import Foundation

/// Whether a grant covers the scopes glocal needs.
public enum ScopeCheck {
    /// The scopes of `granted` as the network wrote them: separated by spaces or commas (Meta, TikTok, Pinterest).
    public static func parse(_ granted: String) -> [String] {
        granted.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" }).map(String.init)
    }

    /// The required scopes missing from `granted`, in the order they are required. A network that does not say which
    /// scopes it granted (`granted == nil`) granted what was asked (RFC 6749 section 5.1).
    public static func missing(required: [String], granted: String?) -> [String] {
        guard let granted else { return [] }
        let have = Set(parse(granted))
        return required.filter { !have.contains($0) }
    }
}
