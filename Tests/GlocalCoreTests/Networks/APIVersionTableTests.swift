import Foundation
import GlocalCore
import Testing

/// The API version table: a row per network, published sunsets, LinkedIn's one-year estimate, pins, lookups.
@Suite struct APIVersionTableTests {
    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
    static func instant(_ text: String) -> Date { UTCTimestamp.date(from: text)! }

    @Test(arguments: Network.allCases)
    func everyNetworkHasADefaultThatIsServedThroughTheExampleCampaigns(_ network: Network) {
        let version = APIVersionTable.defaultVersion(for: network)
        #expect(version.family == APIFamily.of(network))
        #expect(version.source.hasPrefix("https://"))
        // The example workspace publishes until 2027-03-31: its defaults must be served all along.
        for moment in ["2026-12-05T00:00:00Z", "2027-03-31T23:59:59Z"] {
            #expect(APIVersionStatus.of(version, at: Self.instant(moment)) == .current, "\(network) at \(moment)")
        }
    }

    @Test func theDefaultsAreCurrentVersions() {
        #expect(APIVersionTable.defaultVersion(for: .linkedin).name == "202606")
        #expect(APIVersionTable.defaultVersion(for: .facebook).name == "v25.0")
        #expect(APIVersionTable.defaultVersion(for: .instagram).name == "v25.0")
        #expect(APIVersionTable.defaultVersion(for: .facebook).sunset == Self.day("2028-07-29"))
        #expect(APIVersionTable.defaultVersion(for: .threads).name == "v1.0")
        #expect(APIVersionTable.defaultVersion(for: .threads).sunset == nil)
        #expect(APIVersionTable.defaultVersion(for: .x).name == "2")
        #expect(APIVersionTable.defaultVersion(for: .bluesky).name == nil)
        #expect(APIVersionTable.defaultVersion(for: .youtube).name == "v3")
        #expect(APIVersionTable.defaultVersion(for: .tiktok).name == "v2")
    }

    @Test func olderVersionsAWorkspaceMayPinCarryTheirSunsets() throws {
        guard case .known(let graph) = APIVersionTable.lookUp("v21.0", for: .facebook) else {
            Issue.record("v21.0 is in the table")
            return
        }
        #expect(graph.sunset == Self.day("2027-01-21") && !graph.sunsetIsEstimated)
        #expect(graph.source == APIVersionTable.graphVersions)
        guard case .known(let linkedIn) = APIVersionTable.lookUp("202505", for: .linkedin) else {
            Issue.record("202505 is a LinkedIn version")
            return
        }
        // No published date: a year from the first of the release month, the earliest "a minimum of one year" allows.
        #expect(linkedIn.sunset == Self.day("2026-05-01") && linkedIn.sunsetIsEstimated)
        #expect(linkedIn.sunsetText == "about 2026-05-01")
        guard case .known(let published) = APIVersionTable.lookUp("202601", for: .linkedin) else {
            Issue.record("202601 is a LinkedIn version")
            return
        }
        #expect(published.sunset == Self.day("2027-01-15") && !published.sunsetIsEstimated)
        #expect(published.source == APIVersionTable.linkedInMigrations)
    }

    @Test func badPinsAreToldApart() {
        #expect(APIVersionTable.lookUp("2026-01", for: .linkedin) == .malformed(expected: "YYYYMM, e.g. \"202606\""))
        #expect(APIVersionTable.lookUp("202613", for: .linkedin) == .malformed(expected: "YYYYMM, e.g. \"202606\""))
        #expect(APIVersionTable.lookUp("202105", for: .linkedin) == .malformed(expected: "YYYYMM, e.g. \"202606\""))
        #expect(APIVersionTable.lookUp("21.0", for: .instagram) == .malformed(expected: "vNN.0, e.g. \"v25.0\""))
        guard case .unknown(let known) = APIVersionTable.lookUp("v19.0", for: .facebook) else {
            Issue.record("v19.0 is well-formed but not in the table")
            return
        }
        #expect(known.first == "v20.0" && known.last == "v26.0")
        #expect(APIVersionTable.lookUp("v2.0", for: .threads) == .unknown(known: ["v1.0"]))
        #expect(APIVersionTable.lookUp("2", for: .x) == .notPinnable)
        #expect(APIVersionTable.lookUp("v1", for: .mastodon) == .notPinnable)
        for network in Network.allCases {
            #expect(APIVersionTable.isPinnable(network) == [.linkedin, .facebook, .instagram, .threads].contains(network))
        }
    }

    @Test func statusAtAnInstant() throws {
        guard case .known(let v21) = APIVersionTable.lookUp("v21.0", for: .facebook) else { return }
        #expect(APIVersionStatus.of(v21, at: Self.instant("2026-11-01T00:00:00Z")) == .current)
        #expect(APIVersionStatus.of(v21, at: Self.instant("2026-11-22T00:00:00Z")) == .sunsetsSoon(days: 60))
        #expect(APIVersionStatus.of(v21, at: Self.instant("2026-11-21T23:59:59Z")) == .current)
        #expect(APIVersionStatus.of(v21, at: Self.instant("2027-01-20T23:59:59Z")) == .sunsetsSoon(days: 1))
        #expect(APIVersionStatus.of(v21, at: Self.instant("2027-01-21T00:00:00Z")) == .sunset)
        #expect(APIVersionStatus.of(v21, at: Self.instant("2027-01-20T00:00:00Z"), warningDays: 0) == .current)
        #expect(APIVersionStatus.of(v21, at: Self.instant("2024-10-01T23:59:59Z")) == .unreleased)
        let threads = APIVersionTable.defaultVersion(for: .threads)
        #expect(APIVersionStatus.of(threads, at: Self.instant("2099-01-01T00:00:00Z")) == .current)
    }

    @Test func pinsDecideTheEffectiveVersionAndTheNotices() throws {
        guard case .known(let v21) = APIVersionTable.lookUp("v21.0", for: .facebook) else { return }
        let pins = APIVersionPins([.facebook: Located(v21, at: SourceLocation(file: "glocal.yaml", line: 5, column: 13))])
        #expect(pins.name(.facebook) == "v21.0")
        #expect(pins.name(.instagram) == "v25.0")
        #expect(APIVersionPins.none.name(.linkedin) == "202606")
        let early = pins.notices(at: Self.instant("2026-12-05T00:00:00Z"))
        #expect(early.map(\.network) == [.facebook])
        #expect(early.first?.status == .sunsetsSoon(days: 47))
        #expect(early.first?.text.contains("Graph API v21.0 sunsets on 2027-01-21 (in 47 days)") == true)
        #expect(early.first?.text.contains("api_versions.facebook") == true)
        let late = pins.notices(for: [.facebook, .x], at: Self.instant("2027-02-01T00:00:00Z"))
        #expect(late.map(\.status) == [.sunset])
        #expect(pins.notices(for: [.x, .instagram], at: Self.instant("2027-02-01T00:00:00Z")).isEmpty)
    }
}
