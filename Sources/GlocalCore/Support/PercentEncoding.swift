import Foundation

/// RFC 3986 percent-encoding of one URL component: the sign-in URL's query, the queue's bookmarkable filters, a
/// template value put into a link.
public enum PercentEncoding {
    /// `text` with RFC 3986's unreserved characters (letters, digits, `-`, `.`, `_`, `~`) kept and every other byte
    /// of its UTF-8 percent-encoded: a space is `%20`, a comma `%2C`, `ã` is `%C3%A3`.
    public static func component(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
