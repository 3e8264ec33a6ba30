/// The one HTML escaper: the web UI, the engagement report and notification mails all use it.
public enum HTMLEscaping {
    /// `text` with `& < > " '` escaped, safe in element content and quoted attribute values.
    /// Works on Unicode scalars, so a quote followed by a combining mark is escaped too.
    public static func escape(_ text: some StringProtocol) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
