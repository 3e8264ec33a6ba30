import Foundation
import Testing

@testable import GlocalCore

/// The version `api-version.sunset` tells a team to pin is one still served at `--now`, never the sunset one.
@Suite struct APIVersionSuggestionTests {
    static func instant(_ text: String) -> Date { UTCTimestamp.date(from: text)! }

    @Test func withoutAnInstantTheDefaultIsSuggested() {
        #expect(APIVersionChecker.servedVersion(for: .linkedin, at: nil) == "202606")
        #expect(APIVersionChecker.servedVersion(for: .facebook, at: nil) == "v25.0")
    }

    @Test func linkedInPastItsDefaultSunsetGetsTheMonthsVersion() throws {
        // 202606's estimated sunset is 2027-06-01: in July 2027 the fix names July's version, served until 2028-07.
        let now = Self.instant("2027-07-15T09:00:00Z")
        let suggested = try #require(APIVersionChecker.servedVersion(for: .linkedin, at: now))
        #expect(suggested == "202707")
        let version = try #require(APIVersionTable.linkedIn(suggested))
        #expect(APIVersionStatus.of(version, at: now) == .current)
    }

    @Test func whileTheDefaultIsServedANewerServedVersionIsFine() throws {
        let now = Self.instant("2026-12-05T00:00:00Z")
        let suggested = try #require(APIVersionChecker.servedVersion(for: .linkedin, at: now))
        let version = try #require(APIVersionTable.linkedIn(suggested))
        #expect(APIVersionStatus.of(version, at: now) != .sunset && APIVersionStatus.of(version, at: now) != .unreleased)
    }

    @Test func graphLongAfterEveryPublishedEndSuggestsTheVersionWithoutOne() {
        // v26.0's end is not published yet ("TBD"): once every other Graph version has ended, it is the one to pin.
        #expect(APIVersionChecker.servedVersion(for: .facebook, at: Self.instant("2031-01-01T00:00:00Z")) == "v26.0")
    }
}
