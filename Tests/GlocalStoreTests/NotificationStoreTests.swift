import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// The notification tables: idempotent enqueueing and digests, the failure scan's cursor, retries.
struct NotificationStoreTests {
    let now = StoreFixtures.now

    @Test func enqueueingTheSameKeyTwiceAddsOneMessage() throws {
        let notifications = NotificationStore(store: try SQLiteVariantStore.inMemory())
        let message = OutboxMessage(dedupeKey: "alert:x", channel: .mail, recipient: "a@b.example", subject: "s", textBody: "t")
        #expect(try notifications.enqueue([message, message], now: now) == 1)
        #expect(try notifications.enqueue([message], now: now) == 0)
        #expect(try notifications.allMessages().count == 1)
    }

    @Test func aDigestDayIsRecordedOnce() throws {
        let notifications = NotificationStore(store: try SQLiteVariantStore.inMemory())
        let message = OutboxMessage(
            dedupeKey: "digest:a:1", channel: .mail, recipient: "a@b.example", subject: "s", textBody: "t")
        #expect(try notifications.recordDigest(email: "A@b.example", day: "2026-12-01", items: 3, message: message, now: now))
        #expect(try notifications.digestRecorded(email: "a@b.example", day: "2026-12-01"))
        #expect(!(try notifications.recordDigest(email: "a@b.example", day: "2026-12-01", items: 3, message: nil, now: now)))
        #expect(try !notifications.digestRecorded(email: "a@b.example", day: "2026-12-02"))
        #expect(try notifications.allMessages().count == 1)
    }

    @Test func theFirstScanOnlySetsTheCursorAndLaterFailuresAreToldOnce() throws {
        let store = try SQLiteVariantStore.inMemory()
        let notifications = NotificationStore(store: store)
        let old = StoreFixtures.variant(post: "old", state: .approved)
        let new = StoreFixtures.variant(post: "new", state: .approved)
        try store.apply(StoreFixtures.creating([old, new]), actor: "test", now: now)
        for state in [VariantState.publishing, .failed] { try store.setState(old.id, to: state, actor: "test", now: now) }
        var seen: [[String]] = []
        let compose: ([FailedPost]) -> [OutboxMessage] = { posts in
            seen.append(posts.map(\.variantID))
            return posts.map {
                OutboxMessage(dedupeKey: "f:\($0.auditID)", channel: .mail, recipient: "a@b.example", subject: "s", textBody: "t")
            }
        }
        #expect(try notifications.scanFailures(now: now, compose: compose) == 0)
        for state in [VariantState.publishing, .failed] { try store.setState(new.id, to: state, actor: "test", now: now) }
        #expect(try notifications.scanFailures(now: now, compose: compose) == 1)
        #expect(try notifications.scanFailures(now: now, compose: compose) == 0)
        #expect(seen == [[new.id]])
        #expect(try notifications.failedPosts(since: now).map(\.variantID).sorted() == [new.id, old.id].sorted())
    }

    @Test func aFailedAttemptIsRetriedThenGivenUp() throws {
        let notifications = NotificationStore(store: try SQLiteVariantStore.inMemory())
        try notifications.enqueue(
            [OutboxMessage(dedupeKey: "k", channel: .webhook, recipient: "france", subject: "s", textBody: "t")], now: now)
        let id = try #require(try notifications.due(now: now).first?.id)
        #expect(try notifications.claim(id, now: now))
        #expect(try !notifications.claim(id, now: now), "a second process does not send it too")
        try notifications.markFailed(id, error: "503", retryAt: now.addingTimeInterval(60), now: now)
        #expect(try notifications.due(now: now).isEmpty)
        #expect(try notifications.summary() == OutboxSummary(pending: 1, retrying: 1, lastError: "503"))
        try notifications.markFailed(id, error: "still 503", retryAt: nil, now: now.addingTimeInterval(60))
        #expect(try notifications.due(now: now.addingTimeInterval(3600)).isEmpty)
        #expect(try notifications.summary() == OutboxSummary(failed: 1, lastError: "still 503"))
    }
}
