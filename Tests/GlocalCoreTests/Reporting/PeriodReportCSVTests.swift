import Foundation
import Testing

@testable import GlocalCore

/// The period's posts as CSV: one row per post, RFC 4180 quoting, and no cell a spreadsheet would
/// run as a formula.
@Suite struct PeriodReportCSVTests {
    let renderer = PeriodReportCSVRenderer()

    @Test(arguments: [
        ("plain", "plain"), ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+33 1 23", "'+33 1 23"), ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"), ("\tx", "'\tx"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("=1,2", "\"'=1,2\""), ("two\nlines", "\"two\nlines\""), ("crlf\r\nend", "\"crlf\r\nend\""), ("a=b", "a=b"),
    ])
    func textCellsAreQuotedAndDefused(value: String, expected: String) {
        #expect(renderer.text(value) == expected)
    }

    @Test func oneRowPerPostWithItsNumbersLeftAsNumbers() {
        let slot = try! Date("2026-12-01T08:00:00Z", strategy: .iso8601)
        let posts = [
            PeriodPost(
                variantID: "c/p/=HYPERLINK(\"x\")", campaignID: "c", accountID: "=HYPERLINK(\"x\")", team: "france, Paris",
                network: .x, locale: "fr-FR", timeZone: "Europe/Paris", scheduledAt: slot,
                publishedAt: slot.addingTimeInterval(-12), engagement: 3, reach: nil),
            PeriodPost(
                variantID: "c/q/a", campaignID: "c", accountID: "a", team: "uk", network: .bluesky, locale: "en-GB",
                timeZone: "Europe/London", scheduledAt: nil, publishedAt: slot.addingTimeInterval(60), engagement: nil,
                reach: nil),
        ]
        let period = ReportPeriod(
            preset: .custom, first: LocalDate(iso: "2026-12-01")!, last: LocalDate(iso: "2026-12-01")!, timeZone: "UTC")
        let report = PeriodReportBuilder().build(posts: posts, approvals: [], period: period)
        let csv = renderer.render(report)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.count == 4 && lines[3].isEmpty)
        #expect(lines[0] == PeriodReportCSVRenderer.columns.joined(separator: ","))
        #expect(
            lines[1]
                == "\"c/p/=HYPERLINK(\"\"x\"\")\",c,\"'=HYPERLINK(\"\"x\"\")\",\"france, Paris\",x,fr-FR,2026-12-01T08:00:00Z,"
                + "2026-12-01T07:59:48Z,-12,yes,,3")
        #expect(lines[2] == "c/q/a,c,a,uk,bluesky,en-GB,,2026-12-01T08:01:00Z,,,,")
    }
}
