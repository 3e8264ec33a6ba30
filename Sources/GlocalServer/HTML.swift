import GlocalCore

/// A fragment of HTML. Built only from string literals (trusted: written in this code) and
/// interpolations; an interpolated `String` is always escaped, an interpolated `HTML` is not.
/// Any other interpolated type does not compile, so escaping cannot be forgotten.
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup.
    public private(set) var rendered: String

    /// The empty fragment.
    public static let empty = HTML(trusted: "")

    /// A fragment from a literal.
    public init(stringLiteral value: String) { rendered = value }

    /// A fragment from literals and escaped interpolations.
    public init(stringInterpolation: StringInterpolation) { rendered = stringInterpolation.output }

    private init(trusted: String) { rendered = trusted }

    /// HTML produced by one of glocal's own renderers, which escape every text they write (the
    /// engagement report); never for anything built from request or user data here.
    static func prerendered(_ html: String) -> HTML { HTML(trusted: html) }

    /// The markup.
    public var description: String { rendered }

    /// Fragments one after another.
    public static func joined(_ parts: some Sequence<HTML>) -> HTML {
        var output = ""
        for part in parts { output += part.rendered }
        return HTML(trusted: output)
    }

    /// Builds the markup of one interpolated literal.
    public struct StringInterpolation: StringInterpolationProtocol {
        var output = ""

        /// Prepares for the literal.
        public init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        /// A literal part: trusted markup.
        public mutating func appendLiteral(_ literal: String) { output += literal }

        /// Text: escaped.
        public mutating func appendInterpolation(_ text: String) { output += HTMLEscaping.escape(text) }

        /// Text: escaped.
        public mutating func appendInterpolation(_ text: Substring) { output += HTMLEscaping.escape(text) }

        /// A number.
        public mutating func appendInterpolation(_ number: Int) { output += String(number) }

        /// Markup: inserted as is.
        public mutating func appendInterpolation(_ html: HTML) { output += html.rendered }

        /// Markup fragments, one after another.
        public mutating func appendInterpolation(_ fragments: [HTML]) {
            for fragment in fragments { output += fragment.rendered }
        }
    }
}
