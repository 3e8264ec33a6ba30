import Foundation

/// Compares a variant's text with a post's text as a network returns it (links shortened, spacing changed).
enum PostTextMatcher {
    /// The text without URLs and HTML tags, entities decoded, whitespace collapsed.
    static func normalized(_ text: String) -> String {
        var result = text.replacing(/<[^>]*>/, with: " ")
        for (entity, character) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        result = result.replacing(/https?:\/\/\S+/, with: " ")
        return result.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Whether two texts are the same post.
    static func matches(_ sent: String, _ found: String) -> Bool { normalized(sent) == normalized(found) }
}
