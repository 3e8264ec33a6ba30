import Foundation

/// Reads the rate-limit headers of a successful answer: whether the account's quota is spent, and
/// until when, so the dispatcher can hold the account instead of sending into a 429. Pure: `now`
/// comes in. Header names are matched whatever their case.
public enum RateLimitQuota {
    /// What one created record costs on Bluesky, in rate-limit points.
    public static let blueskyCreateCost = 3

    /// X: `x-rate-limit-remaining` is 0 and `x-rate-limit-reset` (epoch seconds) is after `now`.
    public static func x(headers: [String: String], now: Date) -> Date? {
        exhaustedUntil(
            remaining: value("x-rate-limit-remaining", in: headers), needed: 1,
            reset: RateLimitReset.epochSeconds(value("x-rate-limit-reset", in: headers)), now: now)
    }

    /// Bluesky: `RateLimit-Remaining` (points) cannot pay for one more create, and `RateLimit-Reset`
    /// (epoch seconds) is after `now`.
    public static func bluesky(headers: [String: String], now: Date) -> Date? {
        exhaustedUntil(
            remaining: value("ratelimit-remaining", in: headers), needed: blueskyCreateCost,
            reset: RateLimitReset.epochSeconds(value("ratelimit-reset", in: headers)), now: now)
    }

    /// Mastodon: `X-RateLimit-Remaining` is 0 and `X-RateLimit-Reset` (ISO 8601) is after `now`.
    public static func mastodon(headers: [String: String], now: Date) -> Date? {
        exhaustedUntil(
            remaining: value("x-ratelimit-remaining", in: headers), needed: 1,
            reset: RateLimitReset.iso8601(value("x-ratelimit-reset", in: headers)), now: now)
    }

    /// The reset, if `remaining` (a header's text) is below `needed` and the reset is after `now`;
    /// `nil` when either header is missing or unreadable, or the quota is not spent.
    static func exhaustedUntil(remaining: String?, needed: Int, reset: Date?, now: Date) -> Date? {
        guard let text = remaining?.trimmingCharacters(in: .whitespaces), let left = Int(text), left < needed,
            let reset, reset > now
        else { return nil }
        return reset
    }

    /// The header `name` (lowercase), whatever its case in `headers`.
    private static func value(_ name: String, in headers: [String: String]) -> String? {
        headers[name] ?? headers.first { $0.key.lowercased() == name }?.value
    }
}
