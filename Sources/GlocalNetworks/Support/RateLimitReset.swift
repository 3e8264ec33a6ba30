import Foundation

/// Turns networks' rate-limit headers into the instant calls may resume.
public enum RateLimitReset {
    /// `Retry-After`: delay seconds or an HTTP date.
    public static func retryAfter(_ value: String?, now: Date) -> Date? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = TimeInterval(value) { return now.addingTimeInterval(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value)
    }

    /// A reset given as epoch seconds (X `x-rate-limit-reset`, Bluesky `RateLimit-Reset`).
    public static func epochSeconds(_ value: String?) -> Date? {
        guard let value, let seconds = TimeInterval(value.trimmingCharacters(in: .whitespaces)) else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    /// A reset given as an ISO 8601 instant (Mastodon `X-RateLimit-Reset`), with or without fractional seconds.
    public static func iso8601(_ value: String?) -> Date? {
        guard let value else { return nil }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: value) ?? ISO8601DateFormatter().date(from: value)
    }

    /// The next midnight UTC after `now` (LinkedIn's daily limits).
    public static func nextMidnightUTC(after now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.startOfDay(for: now)
        return calendar.date(byAdding: .day, value: 1, to: start)!
    }
}
