import Foundation
import Testing

import GlocalCore

/// The hand-written UTC timestamps must agree with Foundation's ISO 8601 formatter to the millisecond.
struct UTCTimestampTests {
    /// Foundation's formatter itself is off by a millisecond on some instants (it counts from 2001 in
    /// floating point), so it is the reference for the date and time to the second; the milliseconds
    /// are checked against integer arithmetic.
    @Test
    func agreesWithFoundationOverCenturies() throws {
        let style = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)
        var generator = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            // 1901 to 2099, whole milliseconds.
            let milliseconds = Int64(generator.next() % 6_279_000_000_000) - 2_174_000_000_000
            let date = Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
            let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
            let whole = fraction < 0 ? seconds - 1 : seconds
            let text = UTCTimestamp.string(from: date)
            #expect(text.prefix(19) + "Z" == Date(timeIntervalSince1970: TimeInterval(whole)).formatted(style))
            #expect(text.dropFirst(19) == "." + String(format: "%03d", (fraction + 1000) % 1000) + "Z")
            #expect(UTCTimestamp.date(from: text) == date)
            #expect(UTCTimestamp.date(from: String(text.prefix(19)) + "Z") == (try? style.parse(String(text.prefix(19)) + "Z")))
        }
    }

    @Test(arguments: [
        "2026-02-29T08:00:00Z", "2026-13-01T08:00:00Z", "2026-12-01T24:00:00Z", "2026-12-01T08:60:00Z",
        "2026-12-01T08:00:60Z", "2026-12-01t08:00:00Z", "2026-12-01T08:00:00.12Z", "2026-12-01T08:00:00,123Z",
        "+026-12-01T08:00:00Z", "2026-12-01T08:00:00.000", "2026-12-01T08:00:00.0a0Z",
    ])
    func malformedOrImpossibleTextIsRejected(_ text: String) {
        #expect(UTCTimestamp.date(from: text) == nil)
    }

    @Test
    func aLeapDayAndTheEpochRoundTrip() {
        #expect(UTCTimestamp.date(from: "2028-02-29T23:59:59.999Z") == Date(timeIntervalSince1970: 1_835_481_599.999))
        #expect(UTCTimestamp.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(UTCTimestamp.string(from: Date(timeIntervalSince1970: -0.001)) == "1969-12-31T23:59:59.999Z")
    }
}
