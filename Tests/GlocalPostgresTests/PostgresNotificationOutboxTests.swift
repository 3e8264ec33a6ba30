import Foundation
import GlocalCore
import GlocalPostgres
import GlocalStore
import Testing

/// The notification outbox on PostgreSQL, as on SQLite: one message per key, digests once per day,
/// the failure and reconnect scans telling each thing once, retries, and one send per message however
/// many nodes claim it.
@Suite(.postgres)
struct PostgresNotificationOutboxTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    func variant(_ post: String, state: VariantState = .approved) -> StoredVariant {
        StoredVariant(
            id: "hydra-launch/\(post)/lumiere-fr-x", campaignID: "hydra-launch", postID: post, accountID: "lumiere-fr-x",
            network: .x, locale: "fr-FR", kind: .informative, text: "Hydra arrive : \(post)", title: nil, link: nil,
            linkPlacement: .none, media: [], contentHash: "h-\(post)", scheduledAt: Self.now.addingTimeInterval(3_600),
            localTime: nil, timeZone: "Europe/Paris", live: false, state: state, explanation: [])
    }

    func add(_ variants: [StoredVariant], to store: PostgresStore) throws {
        let plan = Plan(
            changes: variants.map {
                PlanChange(action: .create, id: $0.id, desired: $0, stored: nil, contentChanged: true, timeChanged: true)
            })
        try store.apply(plan, actor: "test", now: Self.now.addingTimeInterval(-86_400))
    }

    func fail(_ id: String, in store: PostgresStore, at now: Date) throws {
        for state in [VariantState.publishing, .failed] { try store.setState(id, to: state, actor: "dispatcher", now: now) }
    }

    func mail(_ key: String, to recipient: String = "claire@lumiere.example") -> OutboxMessage {
        OutboxMessage(dedupeKey: key, channel: .mail, recipient: recipient, subject: "s", textBody: "t")
    }

    @Test func enqueueingTheSameKeyTwiceAddsOneMessage() throws {
        let outbox = try PostgresTestServer.freshStore().notifications
        let message = mail("alert:x")
        #expect(try outbox.enqueue([message, message], now: Self.now) == 1)
        #expect(try outbox.enqueue([message], now: Self.now) == 0)
        #expect(try outbox.allMessages().count == 1)
    }

    @Test func aMessageTheSchemaRefusesAddsNothingOfItsBatch() throws {
        let outbox = try PostgresTestServer.freshStore().notifications
        do {
            try outbox.enqueue([mail("good"), mail("")], now: Self.now)
            Issue.record("an empty key was accepted")
        } catch let error as PostgresStoreError {
            #expect(error.sqlState == "23514", "the CHECK on dedupe_key refuses it")
        }
        #expect(try outbox.allMessages().isEmpty, "one transaction: the good message is not added alone")
    }

    @Test func theOutboxKeepsOneMessagePerKeyAndSendsEachOnce() throws {
        let outbox = try PostgresTestServer.freshStore().notifications
        #expect(try outbox.preferences(of: "Claire@Lumiere.example") == NotificationPreferences())
        try outbox.setPreferences(
            NotificationPreferences(digest: false, alerts: true), for: "Claire@Lumiere.example", now: Self.now)
        #expect(try outbox.preferences(of: "claire@lumiere.example") == NotificationPreferences(digest: false, alerts: true))
        try outbox.setPreferences(
            NotificationPreferences(digest: true, alerts: false), for: "claire@lumiere.example", now: Self.now)
        #expect(try outbox.preferences(of: "CLAIRE@lumiere.example") == NotificationPreferences(digest: true, alerts: false))

        let alert = OutboxMessage(
            dedupeKey: "failed:1", channel: .mail, recipient: "claire@lumiere.example", subject: "A post failed",
            textBody: "hydra-launch/teaser failed", htmlBody: "<p>hydra-launch/teaser failed</p>")
        let hook = OutboxMessage(
            dedupeKey: "failed:1:hook", channel: .webhook, recipient: "france", subject: "A post failed", textBody: "{}")
        #expect(try outbox.enqueue([alert, hook], now: Self.now) == 2)
        #expect(try outbox.enqueue([alert], now: Self.now) == 0, "a key already in the outbox is not added again")
        let due = try outbox.due(now: Self.now, limit: 50)
        #expect(due.map(\.dedupeKey) == ["failed:1", "failed:1:hook"])
        #expect(try outbox.due(now: Self.now.addingTimeInterval(-1), limit: 50).isEmpty, "not due before it was enqueued")
        #expect(try outbox.due(now: Self.now, limit: 1).count == 1)
        let first = try #require(due.first), second = try #require(due.last)
        #expect(first.htmlBody == alert.htmlBody && first.subject == alert.subject && first.textBody == alert.textBody)
        #expect(second.channel == .webhook && second.recipient == "france" && second.htmlBody == nil)

        #expect(try outbox.claim(first.id, now: Self.now, lease: 300))
        #expect(try !outbox.claim(first.id, now: Self.now, lease: 300), "a claimed message is sent by one process")
        try outbox.markSent(first.id, now: Self.now)
        #expect(try outbox.claim(second.id, now: Self.now, lease: 300))
        try outbox.markFailed(second.id, error: "HTTP 500", retryAt: Self.now.addingTimeInterval(600), now: Self.now)
        #expect(try outbox.due(now: Self.now, limit: 50).isEmpty)
        #expect(try outbox.due(now: Self.now.addingTimeInterval(600), limit: 50).map(\.id) == [second.id])
        #expect(try outbox.summary() == OutboxSummary(pending: 1, retrying: 1, failed: 0, sent: 1, lastError: "HTTP 500"))
        try outbox.markFailed(second.id, error: "HTTP 410", retryAt: nil, now: Self.now.addingTimeInterval(600))
        let messages = try outbox.allMessages()
        #expect(messages.map(\.state) == [.sent, .failed])
        #expect(messages.first?.attempts == 1 && messages.first?.lastError == nil)
        #expect(messages.last?.attempts == 2 && messages.last?.lastError == "HTTP 410")
        #expect(try outbox.summary() == OutboxSummary(pending: 0, retrying: 0, failed: 1, sent: 1, lastError: "HTTP 410"))
        try outbox.markSent(second.id, now: Self.now.addingTimeInterval(700))
        #expect(try outbox.allMessages().last?.state == .failed, "a message given up on stays given up")
    }

    @Test func aFailedAttemptIsRetriedThenGivenUp() throws {
        let outbox = try PostgresTestServer.freshStore().notifications
        try outbox.enqueue(
            [OutboxMessage(dedupeKey: "k", channel: .webhook, recipient: "france", subject: "s", textBody: "t")], now: Self.now)
        let id = try #require(try outbox.due(now: Self.now, limit: 50).first?.id)
        #expect(try outbox.claim(id, now: Self.now, lease: 300))
        #expect(try !outbox.claim(id, now: Self.now, lease: 300), "a second process does not send it too")
        try outbox.markFailed(
            id, error: String(repeating: "503 ", count: 300), retryAt: Self.now.addingTimeInterval(60), now: Self.now)
        #expect(try outbox.due(now: Self.now, limit: 50).isEmpty)
        #expect(try outbox.allMessages().first?.lastError?.count == 500, "a long error is kept to its first 500 characters")
        try outbox.markFailed(id, error: "still 503", retryAt: nil, now: Self.now.addingTimeInterval(60))
        #expect(try outbox.due(now: Self.now.addingTimeInterval(3_600), limit: 50).isEmpty)
        #expect(try outbox.summary() == OutboxSummary(failed: 1, lastError: "still 503"))
    }

    @Test func aClaimWhoseLeaseRanOutMayBeTakenAgain() throws {
        let outbox = try PostgresTestServer.freshStore().notifications
        try outbox.enqueue([mail("k")], now: Self.now)
        let id = try #require(try outbox.due(now: Self.now, limit: 50).first?.id)
        #expect(try outbox.claim(id, now: Self.now, lease: 300))
        #expect(try outbox.due(now: Self.now.addingTimeInterval(299), limit: 50).isEmpty)
        #expect(try !outbox.claim(id, now: Self.now.addingTimeInterval(299), lease: 300))
        #expect(try outbox.claim(id, now: Self.now.addingTimeInterval(300), lease: 300), "the node that claimed it died")
    }

    @Test func aDigestDayIsRecordedOnce() throws {
        let outbox = try PostgresTestServer.freshStore().notifications
        let digest = mail("digest:claire:2026-12-01")
        #expect(try !outbox.digestRecorded(email: "claire@lumiere.example", day: "2026-12-01"))
        #expect(
            try outbox.recordDigest(email: "Claire@lumiere.example", day: "2026-12-01", items: 3, message: digest, now: Self.now))
        #expect(try outbox.digestRecorded(email: "claire@lumiere.example", day: "2026-12-01"))
        #expect(
            try !outbox.recordDigest(email: "claire@lumiere.example", day: "2026-12-01", items: 4, message: digest, now: Self.now)
        )
        #expect(try !outbox.digestRecorded(email: "claire@lumiere.example", day: "2026-12-02"))
        #expect(try outbox.recordDigest(email: "hugo@lumiere.example", day: "2026-12-01", items: 0, message: nil, now: Self.now))
        #expect(try outbox.allMessages().map(\.dedupeKey) == ["digest:claire:2026-12-01"])
    }

    @Test func theFirstScanOnlySetsTheCursorAndLaterFailuresAreToldOnce() throws {
        let store = try PostgresTestServer.freshStore()
        let outbox = store.notifications
        let old = variant("old"), new = variant("new")
        try add([old, new], to: store)
        try fail(old.id, in: store, at: Self.now)
        let seen = Seen<[FailedPost]>()
        let compose: ([FailedPost]) -> [OutboxMessage] = { posts in
            seen.add(posts)
            return posts.map { self.mail("f:\($0.auditID)") }
        }
        #expect(try outbox.scanFailures(now: Self.now, compose: compose) == 0)
        let failedAt = Self.now.addingTimeInterval(60)
        try fail(new.id, in: store, at: failedAt)
        #expect(try outbox.scanFailures(now: failedAt, compose: compose) == 1)
        #expect(try outbox.scanFailures(now: failedAt, compose: compose) == 0)
        #expect(seen.values.map { $0.map(\.variantID) } == [[new.id]])
        let told = try #require(seen.values.first?.first)
        let event = try #require(try store.auditEvents(variant: new.id).last)
        #expect(told.auditID == event.id && told.failedAt == failedAt && told.accountID == "lumiere-fr-x")
        #expect(told.network == "x" && told.text == new.text && told.scheduledAt == new.scheduledAt)
        #expect(told.timeZone == "Europe/Paris" && told.reason == nil)
        #expect(try outbox.allMessages().map(\.dedupeKey) == ["f:\(event.id)"])
        #expect(try outbox.failedPosts(since: Self.now).map(\.variantID) == [old.id, new.id])
        #expect(try outbox.failedPosts(since: failedAt).map(\.variantID) == [new.id])
        #expect(try outbox.failedPosts(since: Self.now).allSatisfy { $0.auditID == 0 })
    }

    @Test func twoNodesScanningAtOnceTellEachFailureOnce() throws {
        let location = try PostgresTestServer.freshLocation()
        let store = try PostgresStore(location: location)
        let variants = (0..<20).map { variant("post-\($0)") }
        try add(variants, to: store)
        let nodes = try (0..<2).map { _ in try PostgresStore(location: location, poolSize: 1).notifications }
        #expect(try nodes[0].scanFailures(now: Self.now) { _ in [] } == 0)
        let told = Seen<String>(), done = Seen<Bool>(), errors = Seen<String>()
        let group = DispatchGroup()
        for node in nodes {
            DispatchQueue.global().async(group: group) {
                while done.values.isEmpty {
                    do {
                        try node.scanFailures(now: Self.now) { posts in
                            // Each node's messages get keys of its own: a failure told by both would add two.
                            posts.map { post in
                                told.add(post.variantID)
                                return self.mail("f:\(post.auditID):\(UUID().uuidString)")
                            }
                        }
                    } catch {
                        errors.add("\(error)")
                    }
                }
            }
        }
        for variant in variants { try fail(variant.id, in: store, at: Self.now) }
        done.add(true)
        group.wait()
        _ = try nodes[0].scanFailures(now: Self.now) { posts in
            posts.map { post in
                told.add(post.variantID)
                return self.mail("f:\(post.auditID)")
            }
        }
        #expect(told.values.sorted() == variants.map(\.id).sorted(), "each failure is told once, by one node")
        #expect(errors.values.isEmpty, "a node's scan waits for the other's rather than fail")
        #expect(try store.notifications.allMessages().count == 20)
    }

    @Test func aFailureCommittedAfterALaterOneIsStillTold() throws {
        let location = try PostgresTestServer.freshLocation()
        let store = try PostgresStore(location: location)
        let slow = variant("slow", state: .publishing), quick = variant("quick", state: .publishing)
        try add([slow, quick], to: store)
        #expect(try store.notifications.scanFailures(now: Self.now) { _ in [] } == 0)
        let writer = try PostgresStore(location: location, poolSize: 1)
        let scanner = try PostgresStore(location: location, poolSize: 1).notifications
        let (inserted, release) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
        let told = Seen<String>(), scanned = Seen<Bool>()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            // A node whose failure takes an audit id, then is slow to commit.
            _ = try? writer.pool.transaction { transaction in
                try transaction.execute("UPDATE variant SET state = 'failed', updated_at = \(Self.now) WHERE id = \(slow.id)")
                try transaction.execute(
                    """
                    INSERT INTO audit_event (at, actor, variant_id, action, from_state, to_state)
                    VALUES (\(Self.now), 'dispatcher', \(slow.id), 'set_state', 'publishing', 'failed')
                    """)
                inserted.signal()
                release.wait()
            }
        }
        inserted.wait()
        try store.setState(quick.id, to: .failed, actor: "dispatcher", now: Self.now)
        let compose: @Sendable ([FailedPost]) -> [OutboxMessage] = { posts in
            posts.map { post in
                told.add(post.variantID)
                return OutboxMessage(
                    dedupeKey: "f:\(post.auditID)", channel: .mail, recipient: "a@b.example", subject: "s", textBody: "t")
            }
        }
        DispatchQueue.global().async(group: group) {
            _ = try? scanner.scanFailures(now: Self.now, compose: compose)
            scanned.add(true)
        }
        // The scan waits for the slow node's commit (its lock on the audit table is not granted meanwhile).
        let deadline = Date().addingTimeInterval(30)
        var waiting = false
        while !waiting, scanned.values.isEmpty, Date() < deadline {
            waiting =
                try store.pool.transaction {
                    try $0.value(
                        "SELECT count(*) FROM pg_locks WHERE relation = 'audit_event'::regclass AND NOT granted", as: Int.self)
                } ?? 0 > 0
        }
        #expect(waiting, "the scan waited for the failure in flight")
        release.signal()
        group.wait()
        _ = try scanner.scanFailures(now: Self.now, compose: compose)
        #expect(told.values.sorted() == [quick.id, slow.id].sorted(), "each failure is told once, the slow one too")
    }

    @Test func aSecondNodesReconnectScanWaitsForTheFirstAndTellsNothingAgain() throws {
        let location = try PostgresTestServer.freshLocation()
        let store = try PostgresStore(location: location)
        let nodes = try (0..<2).map { _ in try PostgresStore(location: location, poolSize: 1).notifications }
        try store.publishQueue.setNeedsReconnect("revoked", account: "lumiere-fr-x", now: Self.now)
        let (composing, release) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
        let told = Seen<String>(), errors = Seen<String>(), scanned = Seen<Bool>()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            do {
                // The first node is in the middle of its scan: the account is remembered, not yet committed.
                try nodes[0].scanReconnects(now: Self.now) { needs in
                    needs.forEach { told.add($0.accountID) }
                    composing.signal()
                    release.wait()
                    return needs.map { self.mail("r:\($0.accountID):first") }
                }
            } catch {
                errors.add("\(error)")
            }
        }
        composing.wait()
        DispatchQueue.global().async(group: group) {
            do {
                try nodes[1].scanReconnects(now: Self.now) { needs in
                    needs.forEach { told.add($0.accountID) }
                    return needs.map { self.mail("r:\($0.accountID):second") }
                }
            } catch {
                errors.add("\(error)")
            }
            scanned.add(true)
        }
        let deadline = Date().addingTimeInterval(30)
        var waiting = false
        while !waiting, scanned.values.isEmpty, Date() < deadline {
            waiting =
                try store.pool.transaction {
                    try $0.value(
                        "SELECT count(*) FROM pg_locks WHERE relation = 'notification_reconnect'::regclass AND NOT granted",
                        as: Int.self)
                } ?? 0 > 0
        }
        #expect(waiting, "the second scan waits for the first")
        release.signal()
        group.wait()
        #expect(told.values == ["lumiere-fr-x"], "the account is told once, by the first node")
        #expect(errors.values.isEmpty, "the second scan neither fails nor tells again")
        #expect(try store.notifications.allMessages().map(\.dedupeKey) == ["r:lumiere-fr-x:first"])
    }

    @Test func anAccountWaitingForATokenIsToldOnceUntilReconnected() throws {
        let store = try PostgresTestServer.freshStore()
        let outbox = store.notifications
        let queue = store.publishQueue
        let compose: ([ReconnectNeed]) -> [OutboxMessage] = { needs in
            needs.map { self.mail("reconnect:\($0.accountID):\(Int($0.since?.timeIntervalSince1970 ?? 0))") }
        }
        #expect(try outbox.scanReconnects(now: Self.now, compose: compose) == 0)
        try queue.setNeedsReconnect("the token was revoked", account: "lumiere-fr-x", now: Self.now)
        try queue.setNeedsReconnect("expired", account: "lumiere-uk-x", now: Self.now)
        #expect(
            try outbox.reconnectNeeds() == [
                ReconnectNeed(accountID: "lumiere-fr-x", reason: "the token was revoked", since: Self.now),
                ReconnectNeed(accountID: "lumiere-uk-x", reason: "expired", since: Self.now),
            ])
        #expect(try outbox.scanReconnects(now: Self.now, compose: compose) == 2)
        #expect(try outbox.scanReconnects(now: Self.now.addingTimeInterval(60), compose: compose) == 0)

        try queue.setNeedsReconnect(nil, account: "lumiere-fr-x", now: Self.now.addingTimeInterval(120))
        #expect(try outbox.reconnectNeeds().map(\.accountID) == ["lumiere-uk-x"])
        #expect(try outbox.scanReconnects(now: Self.now.addingTimeInterval(120), compose: compose) == 0)
        let again = Self.now.addingTimeInterval(180)
        try queue.setNeedsReconnect("expired again", account: "lumiere-fr-x", now: again)
        #expect(try outbox.scanReconnects(now: again, compose: compose) == 1, "a hold after a reconnect is told again")
        #expect(try outbox.allMessages().map(\.dedupeKey).last == "reconnect:lumiere-fr-x:\(Int(again.timeIntervalSince1970))")
    }

    @Test func threeNodesClaimingTheSameDueMessagesSendEachOnce() throws {
        let location = try PostgresTestServer.freshLocation()
        let store = try PostgresStore(location: location)
        try store.notifications.enqueue((0..<90).map { mail("m\($0)") }, now: Self.now)
        let nodes = try (0..<3).map { _ in try PostgresStore(location: location, poolSize: 1).notifications }
        let claimed = Seen<Int64>()
        DispatchQueue.concurrentPerform(iterations: 3) { node in
            let outbox = nodes[node]
            // Every node walks the same due list, oldest first: each message is contended by all three.
            while let due = try? outbox.due(now: Self.now, limit: 30), !due.isEmpty {
                for message in due where (try? outbox.claim(message.id, now: Self.now, lease: 300)) == true {
                    claimed.add(message.id)
                    try? outbox.markSent(message.id, now: Self.now)
                }
            }
        }
        #expect(claimed.values.count == 90)
        #expect(Set(claimed.values).count == 90, "a message was claimed by two nodes")
        #expect(try store.notifications.summary() == OutboxSummary(sent: 90))
    }

    /// Values collected from several threads.
    final class Seen<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var collected: [Value] = []
        var values: [Value] { lock.withLock { collected } }
        func add(_ value: Value) { lock.withLock { collected.append(value) } }
    }
}
