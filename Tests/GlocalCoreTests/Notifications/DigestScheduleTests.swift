import Foundation
import GlocalCore
import Testing

@Suite("When the daily digest is due, and to whom alerts go")
struct DigestScheduleTests {
    let paris = TimeZone(identifier: "Europe/Paris")!
    let seoul = TimeZone(identifier: "Asia/Seoul")!

    func date(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    @Test("due from the local hour, keyed by the local day")
    func dueDay() {
        let schedule = DigestSchedule.standard
        #expect(schedule.dueDay(at: date("2026-12-01T06:59:00Z"), in: paris) == nil)  // 07:59 in Paris
        #expect(schedule.dueDay(at: date("2026-12-01T07:00:00Z"), in: paris) == "2026-12-01")
        #expect(schedule.dueDay(at: date("2026-12-01T22:59:00Z"), in: paris) == "2026-12-01")
        #expect(schedule.dueDay(at: date("2026-12-01T23:00:00Z"), in: paris) == nil)  // 00:00 on the 2nd
        // 23:30 UTC on the 30th is 08:30 on the 1st in Seoul.
        #expect(schedule.dueDay(at: date("2026-11-30T23:30:00Z"), in: seoul) == "2026-12-01")
        // Summer time: 08:00 in Paris is 06:00 UTC.
        #expect(schedule.dueDay(at: date("2026-07-01T06:00:00Z"), in: paris) == "2026-07-01")
    }

    @Test("HH:MM is parsed and checked")
    func parsing() {
        #expect(DigestSchedule(parsing: "07:30") == DigestSchedule(hour: 7, minute: 30))
        #expect(DigestSchedule(parsing: "7:05")?.text == "07:05")
        for bad in ["24:00", "08:60", "8", "08:00:00", "ab:cd", "", "-1:00", "٠٨:٠٠"] {
            #expect(DigestSchedule(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test("alerts go to the managers of every team covering the account, once each; the digest follows their accounts' zone")
    func audience() {
        func located(_ text: String) -> Located<String> {
            Located(text, at: SourceLocation(file: "glocal.yaml", line: 1, column: 1))
        }
        let teams = [
            Team(id: located("france"), accountPatterns: [located("lumiere-fr-*")], managers: [located("Claire@x.example")]),
            Team(
                id: located("paris"), accountPatterns: [located("lumiere-fr-paris-*")],
                managers: [located("ines@x.example"), located("claire@x.example")]),
            Team(id: located("korea"), accountPatterns: [located("lumiere-kr-*")], managers: [located("minji@x.example")]),
        ]
        let audience = NotificationAudience(teams: teams)
        #expect(audience.teams(covering: "lumiere-fr-paris-x") == ["france", "paris"])
        #expect(audience.managers(of: "lumiere-fr-paris-x") == ["claire@x.example", "ines@x.example"])
        #expect(audience.managers(of: "lumiere-de-x").isEmpty)
        let zones = ["lumiere-fr-x": paris, "lumiere-fr-paris-x": paris, "lumiere-kr-x": seoul]
        let minji = ApprovalScope(email: "minji@x.example", role: .manager, teams: teams)
        #expect(audience.digestTimeZone(for: minji, accountZones: zones) == seoul)
        let nobody = ApprovalScope(email: "n@x.example", role: .manager, teams: teams)
        #expect(audience.digestTimeZone(for: nobody, accountZones: zones) == TimeZone(identifier: "UTC")!)
    }
}
