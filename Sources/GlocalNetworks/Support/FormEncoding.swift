import Foundation

/// `application/x-www-form-urlencoded` and query strings.
enum FormEncoding {
    private static let allowed: CharacterSet = {
        var set = CharacterSet.alphanumerics
        set.insert(charactersIn: "-._~")
        return set
    }()

    /// Percent-encodes one component.
    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// `a=1&b=2` in the given order.
    static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    /// `base/path?query`.
    static func url(_ base: URL, path: String, query: [(String, String)] = []) -> URL {
        var string = base.absoluteString
        if string.hasSuffix("/") { string.removeLast() }
        string += path.hasPrefix("/") ? path : "/" + path
        if !query.isEmpty { string += "?" + encode(query) }
        return URL(string: string)!
    }
}
