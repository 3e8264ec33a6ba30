import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// The calendar's entries and moves, the period report's facts and the notification outbox, as the
/// server and the notifier see them.
extension StoreContractTests {
    @Test(arguments: StoreBackend.allCases)
    func calendarEntriesAreTheVisibleSlotsInTheWindowBySlot(backend: StoreBackend) throws {
        let early = StoreFixtures.variant(post: "teaser", scheduledAt: StoreFixtures.date("2026-12-01T08:00:00Z"))
        let late = StoreFixtures.variant(post: "launch", scheduledAt: StoreFixtures.date("2026-12-03T08:00:00Z"))
        let outside = StoreFixtures.variant(post: "recap", scheduledAt: StoreFixtures.date("2026-12-10T08:00:00Z"))
        let hidden = StoreFixtures.variant(
            post: "teaser", account: "lumiere-uk-x", network: .x, scheduledAt: StoreFixtures.date("2026-12-02T08:00:00Z"))
        let live = StoreFixtures.variant(post: "live", scheduledAt: nil, live: true)
        let store = try store(backend, with: [late, early, outside, hidden, live])
        let from = StoreFixtures.date("2026-12-01T00:00:00Z"), to = StoreFixtures.date("2026-12-08T00:00:00Z")
        let entries = try store.calendar.calendarEntries(from: from, to: to, visible: { $0.hasPrefix("lumiere-fr-") })
        #expect(entries.map(\.id) == [early.id, late.id])
        let first = try #require(entries.first)
        #expect(first.scheduledAt == early.scheduledAt && first.network == .instagram && first.state == .pendingApproval)
        #expect(first.contentHash == early.contentHash && first.timeZone == "Europe/Paris" && first.postID == "teaser")
        #expect(
            try store.calendar.calendarEntries(from: from, to: to, visible: { _ in true }).map(\.id) == [
                early.id, hidden.id, late.id,
            ])
        #expect(try store.calendar.calendarEntries(from: to, to: to, visible: { _ in true }).isEmpty, "the end is excluded")
    }

    @Test(arguments: StoreBackend.allCases)
    func aMoveWritesTheChosenSlotWithItsAuditEventAndAStaleOneWritesNothing(backend: StoreBackend) throws {
        let variant = StoreFixtures.variant(state: .approved)
        let store = try store(backend, with: [variant])
        let target = StoreFixtures.date("2026-12-02T16:30:00Z")
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        func request(_ revision: VariantRevision) -> SlotMoveRequest {
            SlotMoveRequest(
                id: variant.id, revision: revision, shownSlot: variant.scheduledAt, note: "after the press", actor: "claire")
        }
        let decide: (StoredVariant, [StoredVariant]) throws -> (slot: LocalInstant, explanation: [ScheduleReason]) = { _, _ in
            (LocalInstant(instant: target, zone: paris), [ScheduleReason("moved", "moved by claire")])
        }
        let stale = VariantRevision(of: "hash:older text")
        let before = try store.audit.auditEvents(variant: nil)
        #expect(throws: ApprovalError.staleRevision(variantID: variant.id, shown: stale.value, current: variant.contentHash)) {
            try store.calendar.move(request(stale), around: target, now: StoreFixtures.now, permit: Self.allowed, decide: decide)
        }
        #expect(throws: ApprovalError.forbidden(variantID: variant.id)) {
            try store.calendar.move(
                request(revision(variant)), around: target, now: StoreFixtures.now,
                permit: { throw ApprovalError.forbidden(variantID: $0.id) }, decide: decide)
        }
        #expect(try store.variants.variant(variant.id)?.scheduledAt == variant.scheduledAt)
        #expect(try store.audit.auditEvents(variant: nil) == before)

        let moved = try store.calendar.move(
            request(revision(variant)), around: target, now: StoreFixtures.now, permit: Self.allowed, decide: decide)
        #expect(moved.scheduledAt == target && moved.localTime == "2026-12-02 17:30")
        let stored = try #require(try store.variants.variant(variant.id))
        #expect(stored.scheduledAt == target && stored.state == .approved && stored.explanation == moved.explanation)
        let event = try #require(try store.audit.auditEvents(variant: variant.id).last)
        #expect(event.action == .update && event.actor == "claire")
        #expect(event.reason?.hasSuffix(": after the press") == true)
    }

    @Test(arguments: StoreBackend.allCases)
    func reportFactsHaveOneRowPerVariantWithItsLatestApproval(backend: StoreBackend) throws {
        let pending = StoreFixtures.variant(post: "teaser")
        let other = StoreFixtures.variant(post: "recap", account: "lumiere-uk-x", network: .x)
        // Created approved (`approval: auto`): nobody approved it, so it has no approval time.
        let auto = StoreFixtures.variant(post: "auto", account: "lumiere-uk-x", network: .x, state: .approved)
        let store = try store(backend, with: [pending, other, auto])
        let approvedAt = StoreFixtures.now.addingTimeInterval(3_600)
        try store.review.approve(pending.id, revision: revision(pending), actor: "claire", now: approvedAt, permit: Self.allowed)
        let facts = try store.reports.reportFacts()
        #expect(facts.map(\.variantID) == [pending.id, other.id, auto.id].sorted())
        #expect(try #require(facts.first { $0.variantID == auto.id }).approvedAt == nil)
        let approved = try #require(facts.first { $0.variantID == pending.id })
        #expect(approved.campaignID == "hydra-launch" && approved.accountID == pending.accountID)
        #expect(approved.network == .instagram && approved.locale == "fr-FR" && approved.timeZone == "Europe/Paris")
        #expect(approved.scheduledAt == pending.scheduledAt && approved.approvedAt == approvedAt)
        #expect(approved.publishedAt == nil && approved.engagement == nil && approved.counters.isEmpty)
        let waiting = try #require(facts.first { $0.variantID == other.id })
        #expect(waiting.network == .x && waiting.approvedAt == nil)
    }

    @Test(arguments: StoreBackend.allCases)
    func theOutboxKeepsOneMessagePerKeyAndSendsEachOnce(backend: StoreBackend) throws {
        let store = try backend.open()
        let outbox = store.notifications
        #expect(try outbox.preferences(of: "Claire@Lumiere.example") == NotificationPreferences())
        try outbox.setPreferences(
            NotificationPreferences(digest: false, alerts: true), for: "Claire@Lumiere.example", now: StoreFixtures.now)
        #expect(try outbox.preferences(of: "claire@lumiere.example") == NotificationPreferences(digest: false, alerts: true))

        let alert = OutboxMessage(
            dedupeKey: "failed:1", channel: .mail, recipient: "claire@lumiere.example", subject: "A post failed",
            textBody: "hydra-launch/teaser failed")
        let hook = OutboxMessage(
            dedupeKey: "failed:1:hook", channel: .webhook, recipient: "https://hooks.example/t", subject: "A post failed",
            textBody: "{}")
        #expect(try outbox.enqueue([alert, hook], now: StoreFixtures.now) == 2)
        #expect(try outbox.enqueue([alert], now: StoreFixtures.now) == 0, "a key already in the outbox is not added again")
        let due = try outbox.due(now: StoreFixtures.now, limit: 50)
        #expect(due.map(\.dedupeKey) == ["failed:1", "failed:1:hook"])
        #expect(try outbox.due(now: StoreFixtures.now, limit: 1).count == 1)
        let first = try #require(due.first), second = try #require(due.last)

        #expect(try outbox.claim(first.id, now: StoreFixtures.now, lease: 300))
        #expect(try !outbox.claim(first.id, now: StoreFixtures.now, lease: 300), "a claimed message is sent by one process")
        try outbox.markSent(first.id, now: StoreFixtures.now)
        #expect(try outbox.claim(second.id, now: StoreFixtures.now, lease: 300))
        try outbox.markFailed(
            second.id, error: "HTTP 500", retryAt: StoreFixtures.now.addingTimeInterval(600), now: StoreFixtures.now)
        #expect(try outbox.due(now: StoreFixtures.now, limit: 50).isEmpty)
        #expect(try outbox.due(now: StoreFixtures.now.addingTimeInterval(600), limit: 50).map(\.id) == [second.id])
        #expect(
            try outbox.summary() == OutboxSummary(pending: 1, retrying: 1, failed: 0, sent: 1, lastError: "HTTP 500"))
        try outbox.markFailed(second.id, error: "HTTP 410", retryAt: nil, now: StoreFixtures.now.addingTimeInterval(600))
        let messages = try outbox.allMessages()
        #expect(messages.map(\.state) == [.sent, .failed])
        #expect(messages.last?.attempts == 2 && messages.last?.lastError == "HTTP 410")
    }

    @Test(arguments: StoreBackend.allCases)
    func aDigestIsRecordedOncePerPersonAndDay(backend: StoreBackend) throws {
        let store = try backend.open()
        let outbox = store.notifications
        let digest = OutboxMessage(
            dedupeKey: "digest:claire:2026-11-20", channel: .mail, recipient: "claire@lumiere.example", subject: "Digest",
            textBody: "2 posts wait for you")
        #expect(try !outbox.digestRecorded(email: "claire@lumiere.example", day: "2026-11-20"))
        #expect(
            try outbox.recordDigest(
                email: "claire@lumiere.example", day: "2026-11-20", items: 2, message: digest, now: StoreFixtures.now))
        #expect(try outbox.digestRecorded(email: "claire@lumiere.example", day: "2026-11-20"))
        #expect(
            try !outbox.recordDigest(
                email: "claire@lumiere.example", day: "2026-11-20", items: 3, message: digest, now: StoreFixtures.now))
        #expect(try outbox.allMessages().count == 1)
    }

    @Test(arguments: StoreBackend.allCases)
    func theWholeStoreHandsOutItsPartsOverTheSameData(backend: StoreBackend) throws {
        let variant = StoreFixtures.variant(state: .approved, scheduledAt: Self.slot)
        let store = try store(backend, with: [variant])
        let whole = store.whole
        #expect(try whole.variant(variant.id) == store.variants.variant(variant.id))
        #expect(try whole.publishQueue.sync(now: Self.slot.addingTimeInterval(-600), grace: 900, policy: .standard).enqueued == 1)
        #expect(try store.queue.job(forVariant: variant.id) != nil, "the queue of the whole store is the store's queue")
        try whole.notifications.setPreferences(
            NotificationPreferences(digest: false, alerts: false), for: "paul@lumiere.example", now: StoreFixtures.now)
        #expect(try store.notifications.preferences(of: "paul@lumiere.example").digest == false)
        #expect(try whole.users.users().isEmpty)
    }
}
