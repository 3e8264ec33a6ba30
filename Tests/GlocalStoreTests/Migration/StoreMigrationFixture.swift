import Foundation
import GlocalCore
import GlocalPostgres
import Testing

@testable import GlocalStore

/// A SQLite store file holding every kind of row (variants planned, approved, rejected, edited, published
/// through the queue, in flight and retried; metrics jobs and samples; users, sessions and login attempts;
/// sealed credentials; holds and the global pause; the notification outbox, preferences, digests and
/// scans), and the PostgreSQL stores to move it into.
struct StoreMigrationFixture {
    static let slot = StoreFixtures.date("2026-12-01T08:00:00Z")
    static let key = Data(repeating: 9, count: 32)
    static let password = "correct horse battery"
    static func noCaps(_ network: Network) -> [PublishingCap] { [] }

    let sqlite: SQLiteVariantStore
    let store: StoreUnderTest
    /// The token of the session opened.
    let sessionToken: String
    /// The credentials sealed, by account.
    let secrets: [String: Data]

    /// Whether the PostgreSQL tests run (`GLOCAL_TEST_POSTGRES_URL`, or `GLOCAL_REQUIRE_POSTGRES=1` to fail without it).
    static var postgresEnabled: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["GLOCAL_TEST_POSTGRES_URL"] != nil || environment["GLOCAL_REQUIRE_POSTGRES"] == "1"
    }

    /// A new, empty location (a schema of its own) on the test server.
    static func freshLocation() throws -> PostgresLocation {
        guard let url = ProcessInfo.processInfo.environment["GLOCAL_TEST_POSTGRES_URL"] else {
            throw StoreBackend.NoPostgresServer()
        }
        let schema = "m_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return try PostgresLocation(url: url).inSchema(schema)
    }

    /// A store `StoreUnderTest` sees `sqlite` through.
    static func underTest(_ sqlite: SQLiteVariantStore) throws -> StoreUnderTest {
        StoreUnderTest(
            variants: sqlite, audit: sqlite, queue: sqlite.publishQueue, users: UserStore(store: sqlite, bcryptCost: 4),
            sessions: SessionStore(store: sqlite, lifetime: 3_600), metrics: sqlite.metrics,
            credentials: sqlite.accountSecrets(key: try SecretKey(bytes: key)),
            review: sqlite, calendar: sqlite, reports: sqlite, notifications: sqlite.notifications, whole: sqlite)
    }

    /// The PostgreSQL `store` through the same protocols (credentials opened with the same key).
    static func underTest(_ store: PostgresStore) throws -> StoreUnderTest {
        StoreUnderTest(
            variants: store, audit: store, queue: store.publishQueue, users: PostgresUserDirectory(store: store, bcryptCost: 4),
            sessions: PostgresSessionDirectory(store: store, lifetime: 3_600), metrics: store.metrics,
            credentials: PostgresCredentialVault(store: store, key: try SecretKey(bytes: key)),
            review: store, calendar: store, reports: store, notifications: store.notifications, whole: store)
    }

    /// A sign-in under way (its verifier sealed with the store's key).
    static func signIn(issuedAt: Date) -> ConnectAttempt {
        ConnectAttempt(
            state: "state-under-way", sessionKey: "session-of-claire", accountID: "lumiere-uk-x", network: "x",
            actor: "claire@lumiere.example", verifier: "pkce-verifier", redirectURI: "https://glocal.example/connect/x/callback",
            issuedAt: issuedAt)
    }

    /// A new SQLite store file filled with every kind of row; the queue's audit events name dispatcher node `node-a`.
    init() throws {
        let path = try StoreFixtures.temporaryDirectory().appendingPathComponent("glocal.sqlite").path
        sqlite = try SQLiteVariantStore(path: path, nodeID: "node-a")
        store = try Self.underTest(sqlite)
        let now = StoreFixtures.now
        let slot = Self.slot
        var titled = StoreFixtures.variant(
            post: "film", account: "lumiere-fr-youtube", network: .youtube, state: .pendingApproval,
            text: "« Hydra » — l’hydratation 💧\nligne 2 \\ \"quotes\"", scheduledAt: slot.addingTimeInterval(0.125))
        titled.title = "Hydra, le film"
        let variants = [
            StoreFixtures.variant(post: "teaser", state: .approved, scheduledAt: slot),
            StoreFixtures.variant(post: "teaser", account: "lumiere-uk-x", network: .x, state: .approved, scheduledAt: slot),
            StoreFixtures.variant(
                post: "teaser", account: "lumiere-de-bluesky", network: .bluesky, state: .approved, scheduledAt: slot),
            StoreFixtures.variant(
                post: "live", account: "lumiere-uk-x", network: .x, state: .pendingApproval, scheduledAt: nil, live: true),
            StoreFixtures.variant(post: "recap", state: .pendingApproval, scheduledAt: slot.addingTimeInterval(86_400)),
            StoreFixtures.variant(
                post: "recap", account: "lumiere-uk-x", network: .x, state: .pendingApproval,
                scheduledAt: slot.addingTimeInterval(86_400)),
            titled,
        ]
        try store.variants.apply(StoreFixtures.creating(variants), actor: "apply", now: now)
        let review = store.review
        let recap = variants[4], rejected = variants[5]
        try review.approve(
            recap.id, revision: VariantRevision(of: recap.contentHash), actor: "claire", now: now, permit: { _ in })
        try review.reject(rejected.id, reason: "Pas de promo le dimanche", actor: "claire", now: now, permit: { _ in })
        try review.edit(
            titled.id, text: "Hydra, édité à la main", linkPlacement: .inline, basedOn: VariantRevision(of: titled.contentHash),
            actor: "claire", now: now.addingTimeInterval(60), permit: { _ in })

        // The queue: one post out, one in flight, one to retry.
        _ = try store.queue.sync(now: slot.addingTimeInterval(-600), grace: 900, policy: .standard)
        let jobs = try store.queue.claim(worker: "node-a/w1", now: slot, lease: 60, limit: 10)
        struct UnexpectedClaim: Error { var jobs: Int }
        guard jobs.count == 3 else { throw UnexpectedClaim(jobs: jobs.count) }
        for job in jobs { _ = try store.queue.begin(job, worker: "node-a/w1", now: slot, caps: Self.noCaps) }
        let published = jobs.first { $0.network == .instagram }!
        _ = try store.queue.finish(
            published, worker: "node-a/w1",
            resolution: .published(PublishReceipt(remoteID: "1790", url: "https://instagram.example/p/1790")),
            now: slot.addingTimeInterval(5), policy: .standard)
        let retried = jobs.first { $0.network == .x }!
        _ = try store.queue.finish(
            retried, worker: "node-a/w1",
            resolution: .retry(at: slot.addingTimeInterval(600), reason: "HTTP 503", countsAsAttempt: true),
            now: slot.addingTimeInterval(5), policy: .standard)
        let inFlight = jobs.first { $0.network == .bluesky }!
        _ = try store.queue.savePending(
            PublishReceipt(remoteID: "at://did:plc:x/app.bsky.feed.post/3k"), for: inFlight, worker: "node-a/w1")

        // Engagement: jobs and one reading.
        _ = try store.metrics.enqueuePublished(checkpoints: EngagementCheckpoints.standardReadings)
        let readings = try store.metrics.claimDue(now: slot.addingTimeInterval(3_700), limit: 1, lease: 300)
        guard let reading = readings.first else { throw UnexpectedClaim(jobs: 0) }
        try store.metrics.record(reading, counters: ["likes": 12, "comments": 3], fetchedAt: slot.addingTimeInterval(3_601.5))

        // People.
        _ = try store.users.add(email: "claire@lumiere.example", role: .manager, password: Self.password, now: now)
        _ = try store.users.add(email: "admin@lumiere.example", role: .admin, password: "another long password", now: now)
        _ = try store.users.authenticate(email: "claire@lumiere.example", password: Self.password, now: now)
        _ = try store.users.authenticate(email: "claire@lumiere.example", password: "wrong password!", now: now)
        sessionToken = try store.sessions.open(for: "claire@lumiere.example", now: now).0

        // Credentials, holds and the global pause (and their account audit).
        let secrets = [
            "lumiere-fr-instagram": Data(#"{"token":"ig-1"}"#.utf8), "lumiere-uk-x": Data(#"{"token":"x-1"}"#.utf8),
        ]
        for (account, secret) in secrets.sorted(by: { $0.key < $1.key }) {
            _ = try store.credentials.connect(secret, account: account, actor: "claire", now: now)
        }
        self.secrets = secrets
        try store.credentials.keepConnectAttempt(Self.signIn(issuedAt: now), now: now)
        try store.queue.setPaused(true, account: "lumiere-fr-instagram", actor: "claire", now: now)
        try store.queue.setRateLimited(until: slot.addingTimeInterval(900), account: "lumiere-uk-x", now: slot)
        _ = try store.queue.markNeedsReconnect("token revoked", account: "lumiere-de-bluesky", actor: "dispatcher", now: slot)
        try store.queue.setGlobalPause(true, reason: "crise en cours", actor: "admin", now: slot.addingTimeInterval(30))

        // Notifications.
        let outbox = store.notifications
        try outbox.setPreferences(NotificationPreferences(digest: false, alerts: true), for: "claire@lumiere.example", now: now)
        let alert = OutboxMessage(
            dedupeKey: "failed:1", channel: .mail, recipient: "claire@lumiere.example", subject: "Un post a échoué",
            textBody: "hydra-launch/teaser", htmlBody: "<p>hydra-launch/teaser</p>")
        let hook = OutboxMessage(
            dedupeKey: "failed:1:hook", channel: .webhook, recipient: "team-fr", subject: "A post failed", textBody: "{}")
        try outbox.enqueue([alert, hook], now: now)
        let due = try outbox.due(now: now, limit: 10)
        _ = try outbox.claim(due[0].id, now: now, lease: 300)
        try outbox.markSent(due[0].id, now: now.addingTimeInterval(1))
        _ = try outbox.claim(due[1].id, now: now, lease: 300)
        try outbox.markFailed(due[1].id, error: "HTTP 500", retryAt: now.addingTimeInterval(600), now: now)
        _ = try outbox.recordDigest(email: "claire@lumiere.example", day: "2026-11-20", items: 2, message: nil, now: now)
        try outbox.scanFailures(now: slot) { _ in [] }
        try outbox.scanReconnects(now: slot) { needs in
            needs.map {
                OutboxMessage(
                    dedupeKey: "reconnect:\($0.accountID)", channel: .mail, recipient: "admin@lumiere.example",
                    subject: "Reconnect \($0.accountID)", textBody: $0.reason)
            }
        }
    }
}
