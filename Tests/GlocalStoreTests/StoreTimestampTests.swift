import Foundation
import Testing

@testable import GlocalStore

/// The text form of instants in the store.
struct StoreTimestampTests {
    @Test(arguments: [
        ("2026-12-01T08:00:00Z", "2026-12-01T08:00:00.000Z"), ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59.000Z"),
        ("2028-02-29T23:59:59Z", "2028-02-29T23:59:59.000Z"),
    ])
    func wholeSecondsRoundTripExactly(iso: String, stored: String) throws {
        let date = try Date(iso, strategy: .iso8601)
        #expect(StoreTimestamp.string(from: date) == stored)
        #expect(StoreTimestamp.date(from: stored) == date)
        #expect(StoreTimestamp.date(from: iso) == date)
    }

    @Test func millisecondsAreRoundedNotTruncated() {
        let date = Date(timeIntervalSince1970: 1_796_000_000.123)
        #expect(StoreTimestamp.string(from: date) == "2026-11-30T00:53:20.123Z")
        let parsed = StoreTimestamp.date(from: "2026-11-30T00:53:20.123Z")
        #expect(parsed.map { abs($0.timeIntervalSince(date)) < 0.000_001 } == true)
    }

    @Test(arguments: [
        "", "2026-12-01 08:00:00", "2026-12-01T08:00:00+01:00", "2026-12-01T08:00:00.5Z", "2026-12-01T08:00:00.+12Z",
    ])
    func malformedTextIsRejected(text: String) {
        #expect(StoreTimestamp.date(from: text) == nil)
    }
}
