import GlocalCore
import Testing

@testable import GlocalUseCases

/// The demo's table shows every network's full name (`google_business` was cut to `google_bus`), columns aligned.
struct DemoTableRowTests {
    @Test func theNetworkColumnFitsTheLongestNetworkName() {
        #expect(DemoPublishing.networkWidth == "google_business".count)
        let rows = [Network.googleBusiness, .x].map { network in
            DemoPublishing.row([
                ("2026-12-01 09:47", 17), ("Europe/Paris", 17), (network.rawValue, DemoPublishing.networkWidth),
                ("lumiere-fr-lyon-gbp", 29), ("https://example.com/post", 0),
            ])
        }
        #expect(rows[0].contains(" google_business "))
        // The account starts in the same column on both rows.
        let columns = rows.map { row in
            row.range(of: "lumiere-fr-lyon-gbp").map { row.distance(from: row.startIndex, to: $0.lowerBound) }
        }
        #expect(columns[0] != nil && columns[0] == columns[1])
    }

    @Test func aCellLongerThanItsColumnIsNotCut() {
        let row = DemoPublishing.row([("lumiere-fr-lyon-google-business-profile", 29), ("ref", 0)])
        #expect(row == "  lumiere-fr-lyon-google-business-profile ref")
    }
}
