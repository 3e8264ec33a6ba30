/// The service configuration's text as diagnostics may quote it: a secret pasted by mistake into the file (where
/// the name of a variable belongs) is not repeated on the terminal or in the journal.
///
/// On a line whose text names a password, a secret, a token or the secret key, every value after the first `:`
/// becomes `*` (a flow mapping's keys stay readable: `{client_id_env: ***, client_secret_env: ***}`; spaces and
/// YAML's `{}[],:` stay); in a URL, the password does. Lengths are kept, so carets still point at the right column.
public enum ConfigurationExcerptMask {
    /// `text`, masked line by line.
    public static func masked(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(masked(line: String(line)))
        }
        return lines.joined(separator: "\n")
    }

    private static let secretWords = ["password", "secret", "token"]

    /// `rest` (what follows a key's `:`) with every value character masked: inside a flow mapping a key, up to its
    /// `:`, is kept; a list's items and everything else are values. A quoted value is masked whole, `:` and `,` too.
    private static func maskedValues(_ rest: Substring) -> String {
        let kept: Set<Character> = [" ", "\t", "\r"]
        var result = ""
        var brackets: [Character] = []
        var inKey = false
        var quote: Character?
        for character in rest {
            if let open = quote {
                if character == open { quote = nil }
                result.append("*")
                continue
            }
            switch character {
            case "\"", "'":
                if !inKey { quote = character }
                result.append(inKey ? character : "*")
            case "{":
                brackets.append(character)
                inKey = true
                result.append(character)
            case "[":
                brackets.append(character)
                inKey = false
                result.append(character)
            case "}", "]":
                _ = brackets.popLast()
                inKey = false
                result.append(character)
            case ",":
                inKey = brackets.last == "{"
                result.append(character)
            case ":" where inKey:
                inKey = false
                result.append(character)
            default:
                result.append(inKey || kept.contains(character) ? character : "*")
            }
        }
        return result
    }

    private static func masked(line: String) -> String {
        let lowered = line.lowercased()
        if secretWords.contains(where: lowered.contains), let colon = line.firstIndex(of: ":") {
            return String(line[...colon]) + maskedValues(line[line.index(after: colon)...])
        }
        // A URL's password, its length kept.
        guard let scheme = line.range(of: "://"),
            let at = line.range(of: "@", options: .backwards, range: scheme.upperBound..<line.endIndex),
            let colon = line[scheme.upperBound..<at.lowerBound].firstIndex(of: ":")
        else { return line }
        let password = line[line.index(after: colon)..<at.lowerBound]
        return String(line[...colon]) + String(repeating: "*", count: password.count) + String(line[at.lowerBound...])
    }
}
