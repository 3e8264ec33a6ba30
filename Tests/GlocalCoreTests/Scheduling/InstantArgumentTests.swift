import Foundation
import Testing

@testable import GlocalCore

/// `--now` and the like take a full ISO 8601 date-time with its zone; a bare date is refused, never read as
/// midnight UTC.
@Suite struct InstantArgumentTests {
    static func refusal(_ text: String) -> String? {
        do {
            _ = try InstantArgument(text, option: "--now")
            return nil
        } catch { return "\(error)" }
    }

    @Test func aDateTimeWithItsZoneIsTaken() throws {
        let utc = try Date("2026-11-21T09:00:00Z", strategy: .iso8601)
        #expect(try InstantArgument("2026-11-21T09:00:00Z", option: "--now").date == utc)
        #expect(try InstantArgument("2026-11-21T10:00:00+01:00", option: "--now").date == utc)
        #expect(try InstantArgument("2026-11-21T09:00:00.000Z", option: "--now").date == utc)
    }

    @Test func aBareDateIsRefusedWithAnExample() {
        #expect(
            Self.refusal("2026-11-21")
                == "--now '2026-11-21' is a date without a time: give the instant in full, with its zone, e.g. "
                + "2026-11-21T09:00:00Z (a date alone is no instant: midnight differs from zone to zone)")
    }

    @Test func aTimeWithoutAZoneOrAnythingElseIsRefused() {
        #expect(Self.refusal("2026-11-21T09:00:00")?.hasPrefix("--now '2026-11-21T09:00:00' has no zone: add Z") == true)
        #expect(
            Self.refusal("garbage")
                == "--now 'garbage' is not an ISO 8601 date-time with its zone, e.g. 2026-11-21T09:00:00Z (UTC) or "
                + "2026-11-21T10:00:00+01:00")
        #expect(Self.refusal("") != nil)
    }
}
