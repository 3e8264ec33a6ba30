/// What log lines must not carry, taken out of texts that come from elsewhere (an error's description).
public enum LogRedaction {
    /// `text` with the password of every URL in it (`postgres://user:PASSWORD@host`, `smtp://user:PASSWORD@host`)
    /// replaced by `***`, and on one line.
    public static func maskingURLPasswords(_ text: String) -> String {
        let oneLine = text.contains(where: \.isNewline) ? String(text.map { $0.isNewline ? " " : $0 }) : text
        // scheme://user:password@ — the password runs to the last `@` before the host, without `/` or a space.
        return oneLine.replacing(#/(?<head>[A-Za-z][A-Za-z0-9+.\-]*://[^/\s:@]*:)[^/\s]*@/#) { match in
            "\(match.output.head)***@"
        }
    }
}
