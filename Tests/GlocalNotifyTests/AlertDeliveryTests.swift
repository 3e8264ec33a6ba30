import Foundation
import GlocalCore
import GlocalNotify
import GlocalStore
import Testing

@Suite("Immediate alerts by e-mail and team webhook (loopback servers)")
struct AlertDeliveryTests {
    @Test("a failed post gives exactly one alert per manager with alerts on, and one webhook post, across rounds and restarts")
    func failedPostAlertsOnce() async throws {
        try await NotifyFixture.withFolder { folder in
            let smtp = try LoopbackSMTPServer()
            let hook = try LoopbackWebhookServer()
            let store = try NotifyFixture.store(in: folder)
            let slot = NotifyFixture.date("2026-12-01T10:00:00Z")
            try NotifyFixture.add(
                [NotifyFixture.variant("teaser", account: "lumiere-fr-x", state: .approved, slot: slot)], to: store)
            let settings = NotifierSettings(
                smtp: try NotifyFixture.smtp(port: smtp.port),
                webhooks: WebhookSender(urls: ["france": hook.url("/services/T000/B000/secret")]),
                schedule: DigestSchedule(hour: 23, minute: 0)!)
            let notifier = Notifier(settings: settings, workspace: NotifyFixture.workspace, store: store)
            try await notifier.runOnce(now: NotifyFixture.beforeEight)  // the first round starts reading the audit log here

            try NotifyFixture.fail("hydra/teaser/lumiere-fr-x", in: store, at: slot)
            let round = try await notifier.runOnce(now: slot.addingTimeInterval(30))
            #expect(round.sent == 2)
            try await notifier.runOnce(now: slot.addingTimeInterval(90))
            let restarted = Notifier(
                settings: settings, workspace: NotifyFixture.workspace,
                store: try SQLiteVariantStore(path: folder.appendingPathComponent("glocal.sqlite").path))
            try await restarted.runOnce(now: slot.addingTimeInterval(150))

            let mails = try smtp.messages()
            #expect(
                mails.map(\.to) == [["claire@lumiere.example"]],
                "Hugo turned alerts off; Amélie's team does not cover the account")
            #expect(mails.first?.subject == "glocal: a post failed on lumiere-fr-x (x)")
            #expect(mails.first?.text.contains("The post hydra/teaser/lumiere-fr-x was not published") == true)
            #expect(mails.first?.text.contains("Its slot: Tue 1 Dec 11:00 Europe/Paris") == true)
            #expect(mails.first?.html.contains("<p>") == true)
            let posts = try hook.posts()
            #expect(posts.count == 1)
            #expect(posts.first?.path == "/services/T000/B000/secret")
            #expect(posts.first?.contentType == "application/json")
            let json = try JSONSerialization.jsonObject(with: Data(try #require(posts.first?.body).utf8)) as? [String: String]
            #expect(json?["text"]?.hasPrefix("glocal: a post failed on lumiere-fr-x (x)\n") == true)
            #expect(try NotificationStore(store: store).summary().sent == 2)
        }
    }

    @Test("an account that needs reconnecting is alerted once until it is reconnected, then again when it breaks again")
    func reconnectAlerts() async throws {
        try await NotifyFixture.withFolder { folder in
            let smtp = try LoopbackSMTPServer()
            let store = try NotifyFixture.store(in: folder)
            let notifier = Notifier(
                settings: NotifierSettings(
                    smtp: try NotifyFixture.smtp(port: smtp.port), schedule: DigestSchedule(hour: 23, minute: 0)!),
                workspace: NotifyFixture.workspace, store: store)
            let queue = store.publishQueue
            var now = NotifyFixture.beforeEight
            try queue.setNeedsReconnect("the token was revoked", account: "lumiere-global-x", now: now)
            try await notifier.runOnce(now: now)
            now += 60
            try await notifier.runOnce(now: now)
            #expect(try smtp.messages().map(\.to) == [["amelie@lumiere.example"]])
            #expect(try smtp.messages().first?.subject == "glocal: lumiere-global-x needs reconnecting")
            #expect(try smtp.messages().first?.text.contains("the token was revoked") == true)

            try queue.setNeedsReconnect(nil, account: "lumiere-global-x", now: now)
            try await notifier.runOnce(now: now)
            now += 60
            try queue.setNeedsReconnect("expired again", account: "lumiere-global-x", now: now)
            try await notifier.runOnce(now: now)
            #expect(try smtp.messages().count == 2)
            #expect(try smtp.messages().last?.text.contains("expired again") == true)
        }
    }

    @Test("a refused send is retried later and recorded; /healthz's line shows the error until it goes out")
    func retryAfterRefusal() async throws {
        try await NotifyFixture.withFolder { folder in
            let smtp = try LoopbackSMTPServer(rejectFirst: 1)
            let store = try NotifyFixture.store(in: folder)
            let logged = LogLines()
            let notifier = Notifier(
                settings: NotifierSettings(
                    smtp: try NotifyFixture.smtp(port: smtp.port), schedule: DigestSchedule(hour: 23, minute: 0)!),
                workspace: NotifyFixture.workspace, store: store, log: { logged.append($0) })
            try store.publishQueue.setNeedsReconnect("revoked", account: "lumiere-fr-x", now: NotifyFixture.beforeEight)
            let first = try await notifier.runOnce(now: NotifyFixture.beforeEight)
            #expect(first.sent == 0 && first.failedAttempts == 1)
            #expect(notifier.status().contains("1 being retried"))
            #expect(notifier.status().contains("451"))
            #expect(logged.lines.first?.contains("retried in 60 s") == true)
            // Not due again before its retry time.
            #expect(try await notifier.runOnce(now: NotifyFixture.beforeEight.addingTimeInterval(30)).failedAttempts == 0)
            let second = try await notifier.runOnce(now: NotifyFixture.beforeEight.addingTimeInterval(61))
            #expect(second.sent == 1)
            #expect(try smtp.messages().map(\.to) == [["claire@lumiere.example"]])
            #expect(notifier.status() == "notifications: 1 sent, 0 waiting")
        }
    }

    @Test("a webhook that answers 500 is retried; the error names the team, never the URL (a secret)")
    func webhookFailureHidesTheURL() async throws {
        try await NotifyFixture.withFolder { folder in
            let hook = try LoopbackWebhookServer(status: 500)
            let store = try NotifyFixture.store(in: folder)
            let logged = LogLines()
            let notifier = Notifier(
                settings: NotifierSettings(
                    smtp: nil, webhooks: WebhookSender(urls: ["corporate": hook.url("/hooks/T0/B0/xoxb-secret-token")])),
                workspace: NotifyFixture.workspace, store: store, log: { logged.append($0) })
            try store.publishQueue.setNeedsReconnect("revoked", account: "lumiere-global-x", now: NotifyFixture.beforeEight)
            let round = try await notifier.runOnce(now: NotifyFixture.beforeEight)
            #expect(round.enqueued == 1 && round.failedAttempts == 1)
            #expect(try hook.posts().count == 1)
            let message = try #require(try NotificationStore(store: store).allMessages().first)
            #expect(message.channel == .webhook && message.recipient == "corporate" && message.state == .pending)
            #expect(message.lastError == "team 'corporate''s webhook answered 500")
            for text in [notifier.status(), logged.lines.joined(), message.textBody, message.lastError ?? ""] {
                #expect(!text.contains("xoxb-secret-token") && !text.contains("/hooks/"))
            }
        }
    }

    @Test("an unreachable server is given up on after the last retry, with the error kept and logged")
    func givesUpWhenUnreachable() async throws {
        try await NotifyFixture.withFolder { folder in
            let store = try NotifyFixture.store(in: folder)
            let logged = LogLines()
            let notifier = Notifier(
                settings: NotifierSettings(
                    smtp: try NotifyFixture.smtp(port: 1), schedule: DigestSchedule(hour: 23, minute: 0)!, retryDelays: [60]),
                workspace: NotifyFixture.workspace, store: store, log: { logged.append($0) })
            try store.publishQueue.setNeedsReconnect("revoked", account: "lumiere-fr-x", now: NotifyFixture.beforeEight)
            try await notifier.runOnce(now: NotifyFixture.beforeEight)
            try await notifier.runOnce(now: NotifyFixture.beforeEight.addingTimeInterval(60))
            let messages = try NotificationStore(store: store).allMessages()
            #expect(messages.count == 1)
            #expect(messages.first?.state == .failed)
            #expect(messages.first?.attempts == 2)
            #expect(messages.first?.lastError?.hasPrefix("SMTP server unreachable: 127.0.0.1:1:") == true)
            #expect(notifier.status().contains("1 given up"))
            #expect(logged.lines.last?.contains("given up after 2 attempts") == true)
        }
    }
}

/// Lines a notifier logged.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}
