import Foundation
import GlocalCore
import GlocalNotify
import GlocalPostgres
import GlocalStore
import Testing

/// The notifier, unchanged, over the PostgreSQL outbox: two nodes share one database and each runs a
/// notifier, as two `glocal serve` would. Needs `GLOCAL_TEST_POSTGRES_URL` (scripts/postgres-test-server);
/// with `GLOCAL_REQUIRE_POSTGRES=1` it runs and fails without one.
@Suite(
    .enabled(
        if: NotifyPostgresServer.enabled,
        "no PostgreSQL server: set GLOCAL_TEST_POSTGRES_URL (scripts/postgres-test-server start)"))
struct PostgresNotificationOutboxNotifierTests {
    /// The fixture's managers and admin (hugo's digest and alerts off), and `variants`, in `store`.
    func prepare(_ store: PostgresStore, with variants: [StoredVariant]) throws {
        let users = PostgresUserDirectory(store: store, bcryptCost: 4)
        for email in ["claire@lumiere.example", "hugo@lumiere.example", "amelie@lumiere.example"] {
            _ = try users.add(email: email, role: .manager, password: "correct horse battery", now: NotifyFixture.beforeEight)
        }
        _ = try users.add(
            email: "admin@lumiere.example", role: .admin, password: "correct horse battery", now: NotifyFixture.beforeEight)
        try store.notifications.setPreferences(
            NotificationPreferences(digest: false, alerts: false), for: "hugo@lumiere.example", now: NotifyFixture.beforeEight)
        let plan = Plan(
            changes: variants.map {
                PlanChange(action: .create, id: $0.id, desired: $0, stored: nil, contentChanged: true, timeChanged: true)
            })
        try store.apply(plan, actor: "test", now: NotifyFixture.beforeEight.addingTimeInterval(-86_400))
    }

    @Test("two nodes' notifiers running rounds at once send each alert, webhook post and digest once")
    func twoNodesSendEachMessageOnce() async throws {
        let smtp = try LoopbackSMTPServer()
        let hook = try LoopbackWebhookServer()
        let location = try NotifyPostgresServer.freshLocation()
        let nodes = try (0..<2).map { _ in try PostgresStore(location: location, poolSize: 2) }
        let failedSlot = NotifyFixture.date("2026-12-01T06:45:00Z")
        try prepare(
            nodes[0],
            with: [
                NotifyFixture.variant("teaser", account: "lumiere-fr-x", state: .approved, slot: failedSlot),
                NotifyFixture.variant(
                    "launch", account: "lumiere-fr-instagram", state: .pendingApproval,
                    slot: NotifyFixture.date("2026-12-09T09:00:00Z")),
            ])
        let settings = NotifierSettings(
            smtp: try NotifyFixture.smtp(port: smtp.port),
            webhooks: WebhookSender(urls: ["france": hook.url("/services/T000/B000/secret")]))
        let notifiers = nodes.map {
            Notifier(settings: settings, workspace: NotifyFixture.workspace, store: PostgresNotifierWorkspace(store: $0))
        }
        #expect(try await notifiers[0].runOnce(now: NotifyFixture.beforeEight).sent == 0, "the first round sets the scan")

        for state in [VariantState.publishing, .failed] {
            try nodes[1].setState("hydra/teaser/lumiere-fr-x", to: state, actor: "dispatcher", now: failedSlot)
        }
        async let first = notifiers[0].runOnce(now: NotifyFixture.afterEight)
        async let second = notifiers[1].runOnce(now: NotifyFixture.afterEight)
        let rounds = try await [first, second]
        #expect(rounds.map(\.enqueued).reduce(0, +) == 3, "Claire's alert and digest, France's webhook post")
        #expect(rounds.map(\.sent).reduce(0, +) == 3)
        #expect(rounds.map(\.failedAttempts) == [0, 0])
        for notifier in notifiers {
            let later = try await notifier.runOnce(now: NotifyFixture.afterEight.addingTimeInterval(3_600))
            #expect(later.enqueued == 0 && later.sent == 0)
        }

        let mails = try smtp.messages()
        #expect(
            mails.map(\.to) == [["claire@lumiere.example"], ["claire@lumiere.example"]],
            "Hugo opted out; Amélie's team has nothing")
        let subjects = mails.map(\.subject).sorted()
        #expect(subjects.first?.hasPrefix("glocal digest 2026-12-01 — ") == true)
        #expect(subjects.last == "glocal: a post failed on lumiere-fr-x (x)")
        #expect(mails.contains { $0.text.contains("The post hydra/teaser/lumiere-fr-x was not published") })
        let posts = try hook.posts()
        #expect(posts.map(\.path) == ["/services/T000/B000/secret"])
        #expect(try nodes[0].notifications.summary() == OutboxSummary(sent: 3))
        #expect(notifiers[1].status() == "notifications: 3 sent, 0 waiting")
    }
}
