/// Removes secrets from text before it can reach a log, an error or the database.
public enum SecretRedactor {
    /// `text` with every occurrence of each secret (longest first) replaced by `<redacted>`.
    public static func redact(_ text: String, secrets: [String]) -> String {
        var result = text
        for secret in secrets.sorted(by: { $0.count > $1.count }) where secret.count >= 4 {
            result = result.replacingOccurrences(of: secret, with: "<redacted>")
        }
        return result
    }
}
