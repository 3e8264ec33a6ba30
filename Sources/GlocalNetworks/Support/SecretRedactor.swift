import Foundation

/// Removes secrets from text before it can reach a log, an error or the database.
///
/// A secret is removed as written and in the forms a network's answer may quote it in: percent-encoded
/// (a token sent in a query string, `S3CRET%2BTOKEN%2F…`, with upper- or lower-case hex), form-encoded and
/// JSON-escaped (`\/`).
public enum SecretRedactor {
    /// `text` with every occurrence of each secret (longest first), in each of its forms, replaced by `<redacted>`.
    public static func redact(_ text: String, secrets: [String]) -> String {
        var forms: Set<String> = []
        for secret in secrets where secret.count >= 4 { forms.formUnion(encodings(of: secret)) }
        var result = text
        for form in forms.sorted(by: { ($0.count, $0) > ($1.count, $1) }) {
            result = result.replacingOccurrences(of: form, with: "<redacted>")
        }
        return result
    }

    /// `secret` as written, percent-encoded (upper- and lower-case hex), form-encoded and JSON-escaped.
    static func encodings(of secret: String) -> Set<String> {
        var forms: Set<String> = [secret, secret.replacingOccurrences(of: "/", with: "\\/")]
        if let percent = secret.addingPercentEncoding(withAllowedCharacters: unreserved) {
            forms.insert(percent)
            forms.insert(lowercasedHex(percent))
            let form = secret.replacingOccurrences(of: " ", with: "+")
                .addingPercentEncoding(withAllowedCharacters: unreserved.union(CharacterSet(charactersIn: "+")))
            if let form, secret.contains(" ") { forms.insert(form) }
        }
        return forms
    }

    /// RFC 3986's unreserved characters: everything else is percent-encoded in a query.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `%2B` as `%2b`: some servers echo encodings in lower case.
    private static func lowercasedHex(_ encoded: String) -> String {
        var result = ""
        var pending = 0
        for character in encoded {
            if character == "%" {
                pending = 2
                result.append(character)
            } else if pending > 0 {
                pending -= 1
                result += character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
