/// The e-mail addresses glocal accepts, one rule for every place that takes one: team managers in glocal.yaml
/// (`manager.invalid`) and the users of `glocal user add`.
///
/// An address is one `@` between a non-empty local part and a domain of dot-separated, non-empty labels
/// (`claire@lumiere.example`). It holds no white space of any kind, no control, no invisible or formatting
/// character (bidi controls, zero-width characters, fillers) and none of RFC 5322's specials
/// `( ) < > [ ] : ; , \ "`: such an address cannot be typed at sign-in as it reads, and a mail server refuses it
/// or reads something else (`Claire <c@x.example>`, `a@x.example, b@y.example`). It is ASCII: glocal's mail goes out
/// without SMTPUTF8 (RFC 6531), which a non-ASCII local part needs, and an internationalized domain is written in its
/// ASCII form (`xn--…`), as the sender `smtp.from` already is; an address glocal could not send to is refused here,
/// not at the first notification.
public enum EmailAddress {
    /// Whether `text` is such an address.
    public static func isValid(_ text: String) -> Bool { problem(in: text) == nil }

    /// Why `text` is not such an address, in plain words, or `nil` when it is one.
    public static func problem(in text: String) -> String? {
        if let scalar = text.unicodeScalars.first(where: isForbidden) {
            return "it holds \(specials.contains(scalar) ? "'\(scalar)'" : DiagnosticText.codePointName(scalar))"
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return parts.count == 1 ? "it has no '@'" : "it has \(parts.count - 1) '@', an address has one"
        }
        if parts[0].isEmpty { return "nothing comes before '@'" }
        if let scalar = text.unicodeScalars.first(where: { !$0.isASCII }) {
            let domain = parts[1].unicodeScalars.contains(scalar)
            return "it holds '\(scalar)' (\(DiagnosticText.codePointName(scalar))), and glocal sends mail without SMTPUTF8, "
                + (domain
                    ? "so a domain is written in its ASCII form (xn--…, as the domain's registrar shows it)"
                    : "so it cannot deliver to a local part that is not ASCII: use an ASCII address of that person")
        }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        if labels.count < 2 || labels.contains(where: \.isEmpty) {
            return "'\(DiagnosticText.cut(String(parts[1])))' after '@' is not a domain such as lumiere.example"
        }
        return nil
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        if specials.contains(scalar) { return true }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .unassigned, .privateUse,
            .surrogate:
            return true
        default:
            return properties.isWhitespace || properties.isDefaultIgnorableCodePoint
        }
    }

    private static let specials: Set<Unicode.Scalar> = ["(", ")", "<", ">", "[", "]", ":", ";", ",", "\\", "\""]
}
