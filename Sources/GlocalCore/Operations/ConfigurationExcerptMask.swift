/// The service configuration's text as diagnostics may quote it: a secret pasted by mistake into the file (where
/// the name of a variable belongs) is not repeated on the terminal or in the journal.
///
/// On a line whose text names a password, a secret, a token or the secret key, every character after the first
/// `:` except spaces and YAML's `{}[],:` becomes `*`; in a URL, the password does. Lengths are kept, so carets
/// still point at the right column.
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

    private static func masked(line: String) -> String {
        let lowered = line.lowercased()
        if secretWords.contains(where: lowered.contains), let colon = line.firstIndex(of: ":") {
            let kept: Set<Character> = [" ", "\t", "{", "}", "[", "]", ",", ":", "\r"]
            return String(line[...colon]) + String(line[line.index(after: colon)...].map { kept.contains($0) ? $0 : "*" })
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
