import Foundation

/// When a Bluesky session token expires: a PDS's `accessJwt` is a JWT whose payload's `exp` claim (seconds since
/// 1970) says so. The token is only read, never verified: the PDS checks it, glocal only plans its refresh.
public enum BlueskySessionExpiry {
    /// Seconds from `now` until `token`'s `exp`, or `nil` when the token is not a JWT with a numeric `exp` (the
    /// sandbox's opaque tokens, a PDS that issues none): such a session is refreshed when the PDS says `ExpiredToken`.
    public static func secondsLeft(of token: String, now: Date) -> Int? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].count <= 8_192 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let payload = Data(base64Encoded: base64),
            let claims = try? JSONSerialization.jsonObject(with: payload) as? [String: Any],
            let exp = (claims["exp"] as? NSNumber)?.doubleValue, exp.isFinite
        else { return nil }
        let left = exp - now.timeIntervalSince1970
        guard abs(left) < 10 * 365 * 86_400 else { return nil }
        return Int(left.rounded(.down))
    }
}
