import Foundation
import GlocalCore
import GlocalStore
import Hummingbird
import HummingbirdTesting
import Testing

/// The report page: the period asked for (and its refusal in plain words), headline figures with
/// their comparison, the charts with their text alternatives, the tables view, the CSV download and
/// the print stylesheet; a manager sees only their team's accounts.
struct ReportRoutesTests {
    static let slot = ServerFixture.start.addingTimeInterval(10 * 86_400 - 3_600)  // 2026-12-01T08:00:00Z
    static let december = "period=custom&from=2026-12-01&to=2026-12-07"

    /// The fixture's three variants approved on 21 November (on time), published on 1 December (the
    /// French Facebook post ten minutes late) and read an hour and a day later.
    static func publishedFixture() throws -> ServerFixture {
        let fixture = try ServerFixture()
        for variant in ServerFixture.defaultVariants {
            try fixture.store.approve(
                variant.id, revision: VariantRevision(of: variant.contentHash), actor: ServerFixture.admin,
                now: ServerFixture.start
            ) { _ in }
        }
        let queue = fixture.store.publishQueue
        try queue.sync(now: ServerFixture.start, grace: 900)
        let delays: [String: TimeInterval] = [
            ServerFixture.frX.id: 20, ServerFixture.frFacebook.id: 600, ServerFixture.ukX.id: 45,
        ]
        let jobs = try queue.claim(worker: "w", now: slot, lease: 3_600, limit: 10)
        try #require(jobs.count == 3)
        for job in jobs {
            _ = try queue.begin(job, worker: "w", now: slot)
            let finished = try queue.finish(
                job, worker: "w", resolution: .published(PublishReceipt(remoteID: "remote-\(job.id)")),
                now: slot.addingTimeInterval(delays[job.variantID]!))
            try #require(finished)
        }
        let counters: [String: [String: Int]] = [
            ServerFixture.frX.id: ["impression_count": 1_000, "like_count": 40, "reply_count": 2],
            ServerFixture.frFacebook.id: ["reach": 500, "likes": 20],
            ServerFixture.ukX.id: ["impression_count": 300, "like_count": 9],
        ]
        // An hour after, half the counts; a day after, the counts above: the report reads the latest.
        try fixture.store.metrics.enqueuePublished(checkpoints: [3_600, 86_400])
        for job in try fixture.store.metrics.claimDue(now: slot.addingTimeInterval(7_200), limit: 10) {
            try fixture.store.metrics.record(
                job, counters: counters[job.variantID]!.mapValues { $0 / 2 }, fetchedAt: slot.addingTimeInterval(7_200))
        }
        for job in try fixture.store.metrics.claimDue(now: slot.addingTimeInterval(2 * 86_400), limit: 10) {
            try fixture.store.metrics.record(
                job, counters: counters[job.variantID]!, fetchedAt: slot.addingTimeInterval(2 * 86_400))
        }
        try #require(try fixture.store.metrics.samples().count == 6)
        return fixture
    }

    static func signedIn(_ client: any TestClientProtocol, _ email: String) async throws -> BrowserSession {
        var browser = BrowserSession(client: client)
        _ = try await browser.login(email, password: ServerFixture.password)
        return browser
    }

    /// The text of the element with `id` (up to its first `<`), e.g. a figure's value.
    static func figure(_ body: String, _ id: String) -> String? {
        guard let card = body.range(of: "id=\"figure-\(id)\"") else { return nil }
        guard let value = body[card.upperBound...].range(of: "class=\"figure-value\">") else { return nil }
        return String(body[value.upperBound...].prefix { $0 != "<" })
    }

    @Test func headlineFiguresFirstThenChartsForTheAskedPeriod() async throws {
        let fixture = try Self.publishedFixture()
        try await fixture.test { client in
            var admin = try await Self.signedIn(client, ServerFixture.admin)
            let page = try await admin.get("/report?period=custom&from=2026-11-15&to=2026-12-14")
            #expect(page.status == .ok)
            let body = page.body
            #expect(body.contains("<strong>2026-11-15 – 2026-12-14 (30 days)</strong>"))
            #expect(body.contains("<span id=\"report-zone\">Europe/Paris</span> (the time zone most of your accounts use)"))
            #expect(Self.figure(body, "posts") == "3")
            #expect(Self.figure(body, "reach") == "1,800")
            #expect(Self.figure(body, "engagement") == "71")
            #expect(Self.figure(body, "rate") == "3.9 %")
            #expect(Self.figure(body, "approvals") == "100.0 %")
            #expect(body.contains("3 of 3 approved before the deadline"))
            #expect(Self.figure(body, "punctuality") == "66.7 %")
            #expect(body.contains("2 of 3 out within 60 s of the slot"))
            // The 30 days before had nothing: no delta is invented.
            #expect(body.contains("which has no data: n/a"))
            #expect(body.contains("<span class=\"figure-delta delta-na\">n/a"))
            // Figures come before the charts; each chart has a title, a description and its data table.
            let figures = try #require(body.range(of: "Headline figures")), charts = try #require(body.range(of: "<svg"))
            #expect(figures.lowerBound < charts.lowerBound)
            for id in ["network", "locale", "team", "heatmap"] {
                #expect(body.contains("aria-labelledby=\"\(id)-title \(id)-desc\""))
                #expect(body.contains("<desc id=\"\(id)-desc\">"))
                #expect(body.contains("view=tables#\(id)\""))
            }
            #expect(
                body.contains("<desc id=\"network-desc\">x: 51 interactions from 2 posts; facebook: 20 interactions from 1 post.")
            )
            #expect(body.contains("<desc id=\"team-desc\">france: 62 interactions from 2 posts; united-kingdom: 9 interactions"))
            // Tuesday 1 December, 09:00 in Paris: all three posts (42 + 20 + 9), 24 per post.
            #expect(body.contains("Tue 9:00 – 24 interactions per post, 3 posts"))
            #expect(body.contains("href=\"/report.csv?period=custom&amp;from=2026-11-15&amp;to=2026-12-14\""))
            #expect(body.contains("<link rel=\"stylesheet\" href=\"/static/report.css\">"))
            #expect(body.contains("left out of the engagement rate.</dd>"))
        }
    }

    @Test func theComparisonShowsSignAndPercentAgainstThePreviousPeriod() async throws {
        let fixture = try Self.publishedFixture()
        try await fixture.test { client in
            var admin = try await Self.signedIn(client, ServerFixture.admin)
            let after = try await admin.get("/report?period=custom&from=2026-12-08&to=2026-12-14")
            #expect(Self.figure(after.body, "posts") == "0")
            #expect(after.body.contains("<span class=\"visually-hidden\">down </span>−3 (−100.0 %)"))
            #expect(after.body.contains("compare with 2026-12-01 – 2026-12-07 (7 days)."))
            #expect(after.body.contains("No post went out in this period."))
            #expect(after.body.contains("left out of the engagement rate.</dd>"))
            let during = try await admin.get("/report?" + Self.december)
            #expect(during.body.contains("which has no data: n/a"))
        }
    }

    @Test func presetPeriodsCountFromTodayInTheReadersZone() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var admin = try await Self.signedIn(client, ServerFixture.admin)
            // Now is Saturday 21 November 2026.
            #expect(try await admin.get("/report").body.contains("<strong>2026-10-25 – 2026-11-21 (28 days)</strong>"))
            let week = try await admin.get("/report?period=this-week")
            #expect(week.body.contains("<strong>2026-11-16 – 2026-11-22 (7 days)</strong>"))
            #expect(week.body.contains("<option value=\"this-week\" selected>This week</option>"))
            #expect(try await admin.get("/report?period=last-month").body.contains("2026-10-01 – 2026-10-31 (31 days)"))
            let tokyo = try await admin.get("/report?period=this-month&tz=Asia/Tokyo")
            #expect(tokyo.body.contains("<span id=\"report-zone\">Asia/Tokyo</span> (as asked)"))
            #expect(tokyo.body.contains("name=\"tz\" value=\"Asia/Tokyo\""))
        }
    }

    @Test(arguments: [
        ("/report?period=custom&from=2026-02-30&to=2026-03-01", "&#39;2026-02-30&#39; in &#39;from&#39; is not a date"),
        ("/report?period=custom&from=2026-12-01", "A custom period needs both dates: &#39;to&#39; is missing"),
        ("/report.csv?from=2026-12-10&to=2026-12-01", "starts on 2026-12-10, after it ends on 2026-12-01: swap the two dates"),
        ("/report?period=fortnight", "is not a report period; choose one of this-week"),
        ("/report?tz=Mars/Olympus", "is not a time zone"),
        ("/report.csv?from=2025-01-01&to=2026-12-31", "a report covers at most 366 days"),
    ])
    func aBadPeriodIs400WithAPlainMessage(uri: String, message: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var admin = try await Self.signedIn(client, ServerFixture.admin)
            let page = try await admin.get(uri)
            #expect(page.status == .badRequest)
            #expect(page.body.contains(message))
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
        }
    }

    @Test func theCSVHoldsThePeriodsPostsAsAnAttachment() async throws {
        let fixture = try Self.publishedFixture()
        try await fixture.test { client in
            var admin = try await Self.signedIn(client, ServerFixture.admin)
            let csv = try await admin.get("/report.csv?" + Self.december)
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8; header=present")
            #expect(
                csv.headers[.contentDisposition] == "attachment; filename=\"glocal-report-2026-12-01-to-2026-12-07.csv\"")
            let lines = csv.body.components(separatedBy: "\r\n")
            #expect(lines.first == PeriodReportCSVRenderer.columns.joined(separator: ","))
            #expect(lines.count == 5 && lines[4].isEmpty)
            #expect(
                lines.contains(
                    "hydra-launch/launch/lumiere-fr-facebook,hydra-launch,lumiere-fr-facebook,france,facebook,fr-FR,"
                        + "2026-12-01T08:00:00Z,2026-12-01T08:10:00Z,600,no,500,20"))
            let campaign = try await admin.get("/report.csv?" + Self.december + "&campaign=hydra-launch")
            #expect(campaign.headers[.contentDisposition]?.contains("2026-12-07-hydra-launch.csv") == true)
            let nothing = try await admin.get("/report.csv?period=custom&from=2026-12-08&to=2026-12-14")
            #expect(nothing.body == PeriodReportCSVRenderer.columns.joined(separator: ",") + "\r\n")
        }
    }

    @Test func aManagerSeesOnlyTheirTeamsAccountsEverywhere() async throws {
        let fixture = try Self.publishedFixture()
        try await fixture.test { client in
            var manager = try await Self.signedIn(client, ServerFixture.france)
            let page = try await manager.get("/report?" + Self.december)
            #expect(Self.figure(page.body, "posts") == "2" && Self.figure(page.body, "engagement") == "62")
            #expect(!page.body.contains("united-kingdom"))
            let tables = try await manager.get("/report?view=tables&" + Self.december)
            #expect(tables.status == .ok && tables.body.contains("<h1>Engagement report: tables</h1>"))
            #expect(tables.body.contains("lumiere-fr-x") && !tables.body.contains("lumiere-uk-x"))
            #expect(tables.body.contains("<h2 id=\"posts\">Posts published in the period</h2>"))
            #expect(tables.body.contains("<h2>Promotional share"))
            let csv = try await manager.get("/report.csv?" + Self.december)
            #expect(csv.body.contains("lumiere-fr-x") && !csv.body.contains("lumiere-uk-x"))
            #expect(try await manager.get("/report.csv?campaign=no-such-campaign").status == .notFound)
        }
    }

    @Test func thePrintStylesheetHidesNavigationAndTheScriptPicksCustomDates() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            let response = try await client.execute(uri: "/static/report.css", method: .get)
            #expect(response.status == .ok && response.headers[.contentType] == "text/css; charset=utf-8")
            let css = String(buffer: response.body)
            let print = try #require(css.range(of: "@media print{")).upperBound
            #expect(css[print...].contains("header,nav,.skip,.report-controls"))
            #expect(css[print...].contains(".report-section{break-before:page}"))
            let script = try await client.execute(uri: "/static/report.js", method: .get)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(String(buffer: script.body).contains("period.value = \"custom\""))
        }
    }
}
