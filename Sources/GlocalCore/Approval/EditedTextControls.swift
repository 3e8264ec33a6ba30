/// The control characters a manager's edit may not hold: every one (C0, DEL, C1) but a line break and a tab. Nobody
/// types one on purpose: they come from a paste (a terminal's escape sequences, a word processor's page break) and a
/// network shows them as boxes, drops them or refuses the post. The edit is refused, not cleaned: the manager sees
/// where each one is and what it is, and deletes it. (YAML may write them escaped; `glocal validate` checks only what
/// each network refuses.)
public enum EditedTextControls {
    /// The rule of the problem an edit holding such a character gets.
    public static let rule = DiagnosticRule(
        "text.control-character", "An edited text holds a control character other than a line break or a tab.")

    /// How many positions the message names before it counts the rest.
    static let namedPositions = 3

    /// One error naming each control character of `text` (up to ``namedPositions``) with its line and column
    /// (characters, from 1); none when there is none. `text`'s line breaks are `\n` (a browser's `\r\n` turned into
    /// one).
    public static func diagnostics(in text: String, network: Network, account: String) -> [Diagnostic] {
        var found: [(scalar: Unicode.Scalar, line: Int, column: Int)] = []
        var line = 1
        var column = 0
        for character in text {
            if character == "\n" {
                line += 1
                column = 0
                continue
            }
            column += 1
            if let scalar = character.unicodeScalars.first(where: isRefused) { found.append((scalar, line, column)) }
        }
        guard let first = found.first else { return [] }
        let named = found.prefix(namedPositions).map {
            "\(DiagnosticText.codePointName($0.scalar)) at line \($0.line), column \($0.column)"
        }
        let rest = found.count - named.count
        let list = named.joined(separator: ", ") + (rest > 0 ? " and \(rest) more" : "")
        let noun = found.count == 1 ? "a control character" : "\(found.count) control characters"
        return [
            Diagnostic(
                .error, rule, "\(network.rawValue)/\(account): text holds \(noun): \(list)",
                at: SourceLocation(file: "edit", line: first.line, column: first.column),
                notes: ["only a line break and a tab are kept: delete \(found.count == 1 ? "it" : "them") and save again"],
                network: network, account: account)
        ]
    }

    /// Whether `scalar` is a control character an edit may not hold.
    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t"
    }
}
