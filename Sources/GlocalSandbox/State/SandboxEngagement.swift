import Foundation

/// Simulated engagement: a pure function of the local posting hour against the audience's peak and of the post's age.
public enum SandboxEngagement {
    /// Views, likes, replies, reposts, quotes, shares, saves and clicks of a post `postedAt`, read at `now`.
    ///
    /// Affinity falls linearly from 1 at the peak hour to 0.2 twelve hours away; reach grows as `age / (age + 6 h)`.
    public static func counters(postedAt: Date, now: Date, audience: SandboxAudience) -> [String: Int] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: audience.timeZone) ?? TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.hour, .minute], from: postedAt)
        let hour = Double(parts.hour ?? 0) + Double(parts.minute ?? 0) / 60
        let distance = abs(hour - Double(audience.peakHour))
        let hoursAway = min(distance, 24 - distance)
        let affinity = 1 - 0.8 * hoursAway / 12
        let age = max(0, now.timeIntervalSince(postedAt)) / 3600
        let growth = age / (age + 6)
        let views = Int((Double(audience.size) * affinity * growth).rounded())
        return [
            "views": views, "likes": views * 8 / 100, "replies": views / 100, "reposts": views * 2 / 100,
            "quotes": views / 200, "shares": views * 2 / 100, "saves": views / 100, "clicks": views * 3 / 100,
        ]
    }
}
