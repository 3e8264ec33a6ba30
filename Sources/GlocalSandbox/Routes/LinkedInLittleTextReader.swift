import Foundation

/// How LinkedIn reads a post's `commentary` in its "little text" format (`linkedin/EXCERPTS.md`): a reserved character
/// is plain text only when escaped with a backslash; an unescaped one must open an element or a template — a mention
/// `@[Name](urn:li:person:…)` or `@(urn:li:organization:…)`, or a hashtag template `{hashtag|#|word}` whose sign is
/// `#` (U+0023) or `＃` (U+FF03) — or LinkedIn silently cuts the commentary there (a bare `#word` too).
/// Read scalar by scalar, as a parser of UTF-16 text does: the `#` of a keycap emoji is a `#` too.
struct LinkedInLittleTextReader: Equatable, Sendable {
    /// The characters reserved for little elements.
    static let reserved: Set<Unicode.Scalar> = ["\\", "|", "{", "}", "@", "[", "]", "(", ")", "<", ">", "#", "*", "_", "~"]
    /// A hashtag template's signs.
    static let hashtagSigns: Set<Unicode.Scalar> = ["#", "\u{FF03}"]

    /// The commentary as LinkedIn keeps it: everything before its first unescaped reserved character that opens no
    /// element or template (all of it when there is none).
    let kept: String
    /// The whole commentary as it reads, escapes resolved, templates and mentions as their text, an unescaped
    /// reserved character as itself: what its length is measured on.
    let shown: String

    init(_ commentary: String) {
        let scalars = Array(commentary.unicodeScalars)
        var shown = String.UnicodeScalarView()
        var cut: Int?
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard Self.reserved.contains(scalar) else {
                shown.append(scalar)
                index += 1
                continue
            }
            if let element = Self.element(in: scalars, at: index) {
                shown.append(contentsOf: element.text)
                index = element.end
                continue
            }
            cut = cut ?? index
            shown.append(scalar)
            index += 1
        }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars[..<(cut ?? scalars.count)])
        self.kept = String(kept)
        self.shown = String(shown)
    }

    /// What opens at `start` (a reserved scalar): an escape, a hashtag template, a mention or a hashtag, with its text
    /// and where it ends; `nil` when nothing does.
    static func element(in scalars: [Unicode.Scalar], at start: Int) -> (text: [Unicode.Scalar], end: Int)? {
        switch scalars[start] {
        case "\\":
            guard start + 1 < scalars.count, reserved.contains(scalars[start + 1]) else { return nil }
            return ([scalars[start + 1]], start + 2)
        case "{": return template(in: scalars, at: start)
        case "@": return mention(in: scalars, at: start)
        // A bare `#word` is no element: "all reserved characters need to be escaped … even if … not used in one of
        // the supported elements or templates"; a hashtag is `{hashtag|#|word}`.
        default: return nil
        }
    }

    /// `{hashtag|` sign `|` text `}`, the text at least one plain or escaped character.
    private static func template(in scalars: [Unicode.Scalar], at start: Int) -> (text: [Unicode.Scalar], end: Int)? {
        let opening = Array("{hashtag|".unicodeScalars)
        let signAt = start + opening.count
        guard signAt + 1 < scalars.count, Array(scalars[start..<signAt]) == opening, hashtagSigns.contains(scalars[signAt]),
            scalars[signAt + 1] == "|"
        else { return nil }
        guard let (tag, close) = text(in: scalars, from: signAt + 2), !tag.isEmpty, close < scalars.count,
            scalars[close] == "}"
        else { return nil }
        return ([scalars[signAt]] + tag, close + 1)
    }

    /// `@` then an optional `[name]`, then `(urn:li:person:…)` or `(urn:li:organization:…)`; it reads as its name.
    private static func mention(in scalars: [Unicode.Scalar], at start: Int) -> (text: [Unicode.Scalar], end: Int)? {
        var index = start + 1
        var name: [Unicode.Scalar] = []
        if index < scalars.count, scalars[index] == "[" {
            guard let (fallback, close) = text(in: scalars, from: index + 1), close < scalars.count, scalars[close] == "]"
            else { return nil }
            name = fallback
            index = close + 1
        }
        guard index < scalars.count, scalars[index] == "(",
            let close = scalars[(index + 1)...].firstIndex(of: ")")
        else { return nil }
        let urn = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
        guard urn.range(of: "^urn:li:(person|organization):[A-Za-z0-9_-]+$", options: .regularExpression) != nil
        else { return nil }
        return (name, close + 1)
    }

    /// Plain and escaped characters from `start` up to the first unescaped reserved one: their text and that index.
    private static func text(in scalars: [Unicode.Scalar], from start: Int) -> ([Unicode.Scalar], Int)? {
        var text: [Unicode.Scalar] = []
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                guard index + 1 < scalars.count, reserved.contains(scalars[index + 1]) else { return nil }
                text.append(scalars[index + 1])
                index += 2
            } else if reserved.contains(scalar) {
                return (text, index)
            } else {
                text.append(scalar)
                index += 1
            }
        }
        return (text, index)
    }
}
