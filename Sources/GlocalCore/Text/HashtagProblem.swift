/// Why a tag written without `#` is not one whole hashtag (see ``EntityScanner/isHashtag(_:)``), so that
/// `hashtag.invalid` can name the character to remove rather than only restate the rule.
public enum HashtagProblem: Equatable, Sendable {
    /// Nothing is written.
    case empty
    /// A character no hashtag holds (a space, punctuation, an emoji, an invisible character); the first one.
    case character(Unicode.Scalar)
    /// A joiner (U+200C, U+200D) at the end, where a network's hashtag stops before it.
    case trailingJoiner(Unicode.Scalar)
    /// Only digits and `_`: networks do not make a hashtag of `2024` or `_1`.
    case noLetter

    /// Why `tag` is not a hashtag, in words that follow "is not a valid hashtag: ".
    public var reason: String {
        switch self {
        case .empty: return "it is empty"
        case let .character(scalar): return "it holds \(Self.shown(scalar)), which a hashtag cannot hold"
        case let .trailingJoiner(scalar): return "it ends with \(DiagnosticText.codePointName(scalar))"
        case .noLetter: return "it has no letter, only digits or '_'"
        }
    }

    /// A visible ASCII character quoted with its code point, anything else by its code point and name.
    private static func shown(_ scalar: Unicode.Scalar) -> String {
        let name = DiagnosticText.codePointName(scalar)
        guard scalar.value > 0x20, scalar.value < 0x7F else { return name }
        return "'\(scalar)' (\(name))"
    }
}
