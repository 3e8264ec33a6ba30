import Foundation
import GlocalCore
import GlocalNotify
import GlocalStore
import Testing

@Suite("Daily digest over a real SMTP server (aiosmtpd on loopback)")
struct DigestDeliveryTests {
    @Test("each manager gets one digest at 08:00 local time, with both parts; opted-out gets nothing; a restart resends nothing")
    func digestOncePerDay() async throws {
        try await NotifyFixture.withFolder { folder in
            let server = try LoopbackSMTPServer()
            let store = try NotifyFixture.store(in: folder)
            let soon = NotifyFixture.date("2026-12-02T09:00:00Z")  // 25 h 55 min after 07:05 UTC
            try NotifyFixture.add(
                [
                    NotifyFixture.variant("teaser", account: "lumiere-fr-x", state: .pendingApproval, slot: soon),
                    NotifyFixture.variant(
                        "launch", account: "lumiere-fr-instagram", state: .pendingApproval,
                        slot: NotifyFixture.date("2026-12-09T09:00:00Z")),
                    NotifyFixture.variant(
                        "late", account: "lumiere-fr-x", state: .pendingApproval, slot: NotifyFixture.date("2026-12-01T07:00:00Z")
                    ),
                ], to: store)
            let settings = NotifierSettings(
                smtp: try NotifyFixture.smtp(port: server.port), baseURL: URL(string: "https://glocal.lumiere.example"))
            let notifier = Notifier(settings: settings, workspace: NotifyFixture.workspace, store: store)

            let early = try await notifier.runOnce(now: NotifyFixture.beforeEight)
            #expect(early.sent == 0)
            #expect(try server.messages().isEmpty)

            let round = try await notifier.runOnce(now: NotifyFixture.afterEight)
            #expect(round.sent == 1)
            let messages = try server.messages()
            // Hugo turned digests off; Amélie's team has nothing waiting: only Claire hears.
            #expect(messages.map(\.to) == [["claire@lumiere.example"]])
            let digest = try #require(messages.first)
            #expect(digest.from == "noreply@lumiere.example")
            #expect(digest.contentType == "multipart/alternative")
            #expect(digest.subject == "glocal digest 2026-12-01 — 2 awaiting your approval, 1 due within 48 h")
            #expect(digest.text.contains("lumiere-fr-x: approve by Wed 2 Dec 10:00 Europe/Paris (in 25 h)"))
            #expect(digest.text.contains("https://glocal.lumiere.example/variants/hydra/teaser/lumiere-fr-x"))
            #expect(digest.text.contains("hydra: 2 posts"))
            #expect(!digest.text.contains("late"), "a post whose deadline passed is not asked for")
            #expect(digest.html.contains("<h2>Deadlines in the next 48 hours (1)</h2>"))
            #expect(digest.html.contains("Hydra arrive à Paris : teaser"))
            // The HTML part's links are links, not text: the variant's page and the queue.
            #expect(
                digest.html.contains(
                    "<a href=\"https://glocal.lumiere.example/variants/hydra/teaser/lumiere-fr-x\">https://glocal.lumiere.example/variants/hydra/teaser/lumiere-fr-x</a>&gt;"
                ))
            #expect(digest.html.contains("Your queue: <a href=\"https://glocal.lumiere.example/\">"))
            #expect(digest.messageID.hasSuffix("@lumiere.example>"))

            // The same day again, then after a restart (a new notifier on the reopened file): nothing more.
            #expect(try await notifier.runOnce(now: NotifyFixture.afterEight.addingTimeInterval(3600)).enqueued == 0)
            let reopened = try SQLiteVariantStore(path: folder.appendingPathComponent("glocal.sqlite").path)
            let restarted = Notifier(settings: settings, workspace: NotifyFixture.workspace, store: reopened)
            #expect(try await restarted.runOnce(now: NotifyFixture.afterEight.addingTimeInterval(7200)).sent == 0)
            #expect(try server.messages().count == 1)

            // The next day's digest comes the next morning.
            let nextDay = try await restarted.runOnce(now: NotifyFixture.afterEight.addingTimeInterval(86_400))
            #expect(nextDay.sent == 1)
            #expect(try server.messages().last?.subject.hasPrefix("glocal digest 2026-12-02 — ") == true)
        }
    }

    @Test("turning the digest off (the CLI and page's setting) stops it; alerts stay on")
    func optOut() async throws {
        try await NotifyFixture.withFolder { folder in
            let server = try LoopbackSMTPServer()
            let store = try NotifyFixture.store(in: folder)
            try NotifyFixture.add(
                [
                    NotifyFixture.variant(
                        "teaser", account: "lumiere-fr-x", state: .pendingApproval,
                        slot: NotifyFixture.date("2026-12-05T09:00:00Z"))
                ],
                to: store)
            let notifications = NotificationStore(store: store)
            try notifications.setPreferences(
                NotificationPreferences(digest: false, alerts: true), for: "Claire@lumiere.example",
                now: NotifyFixture.beforeEight)
            #expect(
                try notifications.preferences(of: "claire@lumiere.example")
                    == NotificationPreferences(digest: false, alerts: true))
            let notifier = Notifier(
                settings: NotifierSettings(smtp: try NotifyFixture.smtp(port: server.port)), workspace: NotifyFixture.workspace,
                store: store)
            try await notifier.runOnce(now: NotifyFixture.afterEight)
            #expect(try server.messages().isEmpty)
        }
    }
}
