import Foundation

/// The atproto `language` string format: a well-formed BCP 47 tag (the reference implementation's regex), with a
/// lower-case primary subtag of 2–3 letters and no variant or extension singleton repeated (RFC 5646 section 4.1).
enum AtprotoLanguage {
    private static let grandfathered =
        "^((en-GB-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|i-navajo|i-pwn|i-tao|i-tay|i-tsu"
        + "|sgn-BE-FR|sgn-BE-NL|sgn-CH-DE)|(art-lojban|cel-gaulish|no-bok|no-nyn|zh-guoyu|zh-hakka|zh-min|zh-min-nan"
        + "|zh-xiang))$"
    private static let langtag =
        "^(([A-Za-z]{2,3}(-([A-Za-z]{3}(-[A-Za-z]{3}){0,2}))?)|[A-Za-z]{4}|[A-Za-z]{5,8})(-([A-Za-z]{4}))?"
        + "(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-([0-9A-WY-Za-wy-z](-[A-Za-z0-9]{2,8})+))*"
        + "(-([xX](-[A-Za-z0-9]{1,8})+))?$"
    private static let privateUse = "^[xX](-[A-Za-z0-9]{1,8})+$"

    /// Whether `text` is a language tag a PDS accepts in `langs`.
    static func isValid(_ text: String) -> Bool {
        if matches(text, grandfathered) || matches(text, privateUse) { return true }
        guard matches(text, langtag), matches(text, "^[a-z]{2,3}(-|$)") else { return false }
        return !repeatsVariantOrSingleton(text)
    }

    private static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }

    /// Whether a variant subtag or an extension singleton comes twice (case-insensitively), before any private use.
    private static func repeatsVariantOrSingleton(_ text: String) -> Bool {
        let subtags = text.lowercased().split(separator: "-").map(String.init)
        var seen: Set<String> = []
        var inExtension = false
        for subtag in subtags.dropFirst() {
            if subtag == "x" { break }
            if subtag.count == 1 {
                inExtension = true
                if !seen.insert("singleton:" + subtag).inserted { return true }
            } else if !inExtension, subtag.count >= 5 || (subtag.count == 4 && subtag.first?.isNumber == true) {
                if !seen.insert("variant:" + subtag).inserted { return true }
            }
        }
        return false
    }
}
