import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

extension StoreContractTests {
    // MARK: A post held on its account past its grace is missed, naming the hold

    @Test(arguments: StoreBackend.allCases)
    func aPostHeldByARateLimitPastItsGraceIsMissedNotSentLate(backend: StoreBackend) throws {
        let (store, variant, job) = try claimed(backend)
        let reset = Self.slot.addingTimeInterval(3_600)
        // A 429 with a reset an hour away: the job waits, its attempt given back, the account held.
        #expect(
            try store.queue.finish(
                job, worker: "w1", resolution: .retry(at: reset, reason: "rate-limited by Instagram", countsAsAttempt: false),
                now: Self.slot, policy: .standard))
        try store.queue.setRateLimited(until: reset, account: variant.accountID, now: Self.slot)
        #expect(try store.queue.sync(now: Self.slot.addingTimeInterval(900), grace: 900, policy: .standard).missed == 0)
        // The replay's clock may jump straight to the reset: the post is missed all the same, not sent an hour late.
        #expect(try store.queue.sync(now: reset, grace: 900, policy: .standard).missed == 1)
        #expect(try store.variants.variant(variant.id)?.state == .missed)
        let missed = try #require(try store.queue.job(forVariant: variant.id))
        #expect(missed.state == .cancelled)
        #expect(missed.lastError == "missed: rate-limited by Instagram until 2026-12-01T09:00:00Z")
        #expect(try store.queue.claim(worker: "w1", now: reset, lease: lease, limit: 5).isEmpty)
    }

    @Test(arguments: StoreBackend.allCases)
    func aPostWaitingForAReconnectIsMissedOnceItsGraceIsPastAndOneInTimeIsNot(backend: StoreBackend) throws {
        let (store, variant, job) = try claimed(backend)
        #expect(
            try store.queue.finish(
                job, worker: "w1", resolution: .hold(reason: "token revoked"), now: Self.slot, policy: .standard))
        #expect(try store.queue.holds(account: variant.accountID).needsReconnect == "token revoked")
        #expect(try store.queue.sync(now: Self.slot.addingTimeInterval(600), grace: 900, policy: .standard).missed == 0)
        #expect(try store.variants.variant(variant.id)?.state == .scheduled)
        #expect(try store.queue.sync(now: Self.slot.addingTimeInterval(901), grace: 900, policy: .standard).missed == 1)
        #expect(try store.variants.variant(variant.id)?.state == .missed)
        #expect(
            try store.queue.job(forVariant: variant.id)?.lastError
                == "missed: waiting for a reconnect of its account (token revoked)")
        // Reconnected 37 hours later, nothing of it goes out.
        try store.queue.setNeedsReconnect(nil, account: variant.accountID, now: Self.slot.addingTimeInterval(37 * 3_600))
        #expect(
            try store.queue.claim(worker: "w1", now: Self.slot.addingTimeInterval(37 * 3_600), lease: lease, limit: 5)
                .isEmpty)
    }

    @Test(arguments: StoreBackend.allCases)
    func aRetryHeldByTheGlobalCrisisPausePastItsGraceIsMissedNotSentLate(backend: StoreBackend) throws {
        let (store, variant, job) = try claimed(backend)
        let retry = Self.slot.addingTimeInterval(7_200)
        #expect(
            try store.queue.finish(
                job, worker: "w1", resolution: .retry(at: retry, reason: "HTTP 503", countsAsAttempt: true), now: Self.slot,
                policy: .standard))
        try store.queue.setGlobalPause(true, reason: "crisis", actor: "admin", now: Self.slot)
        #expect(try store.queue.sync(now: retry.addingTimeInterval(900), grace: 900, policy: .standard).missed == 0)
        #expect(try store.variants.variant(variant.id)?.state == .scheduled)
        #expect(try store.queue.sync(now: retry.addingTimeInterval(901), grace: 900, policy: .standard).missed == 1)
        #expect(try store.variants.variant(variant.id)?.state == .missed)
        #expect(
            try store.queue.job(forVariant: variant.id)?.lastError == "missed: the global crisis pause held it past its slot")
        // Lifted a day later, nothing of it goes out.
        let lifted = Self.slot.addingTimeInterval(86_400)
        try store.queue.setGlobalPause(false, reason: nil, actor: "admin", now: lifted)
        #expect(try store.queue.claim(worker: "w1", now: lifted, lease: lease, limit: 5).isEmpty)
    }

    @Test(arguments: StoreBackend.allCases)
    func aFirstAttemptHeldByTheGlobalCrisisPauseIsMissedNamingIt(backend: StoreBackend) throws {
        let variant = StoreFixtures.variant(
            account: "lumiere-fr-instagram", network: .instagram, state: .approved, scheduledAt: Self.slot)
        let store = try store(backend, with: [variant])
        #expect(try store.queue.sync(now: Self.slot.addingTimeInterval(-600), grace: 900, policy: .standard).enqueued == 1)
        try store.queue.setGlobalPause(true, reason: "crisis", actor: "admin", now: Self.slot)
        #expect(try store.queue.sync(now: Self.slot.addingTimeInterval(901), grace: 900, policy: .standard).missed == 1)
        #expect(try store.variants.variant(variant.id)?.state == .missed)
        #expect(try store.queue.job(forVariant: variant.id)?.lastError == MissedSlotRule.globalPauseReason)
        // Missed once: one event, though the stale rule (the dispatcher down) would have taken it too.
        #expect(try store.audit.auditEvents(variant: variant.id).filter { $0.toState == .missed }.count == 1)
    }

    @Test(arguments: StoreBackend.allCases)
    func aFirstAttemptOfAPausedAccountIsMissedOnceNamingThePause(backend: StoreBackend) throws {
        let variant = StoreFixtures.variant(
            account: "lumiere-fr-instagram", network: .instagram, state: .approved, scheduledAt: Self.slot)
        let store = try store(backend, with: [variant])
        #expect(try store.queue.sync(now: Self.slot.addingTimeInterval(-600), grace: 900, policy: .standard).enqueued == 1)
        try store.queue.setPaused(true, account: variant.accountID, actor: "claire", now: Self.slot)
        #expect(try store.queue.sync(now: Self.slot.addingTimeInterval(901), grace: 900, policy: .standard).missed == 1)
        #expect(try store.queue.job(forVariant: variant.id)?.lastError == "missed: its account was paused past its slot")
        #expect(try store.audit.auditEvents(variant: variant.id).filter { $0.toState == .missed }.count == 1)
    }

    @Test(arguments: StoreBackend.allCases)
    func aPostDeferredByNothingButItsBackoffStillGoesOut(backend: StoreBackend) throws {
        let (store, variant, job) = try claimed(backend)
        let retry = Self.slot.addingTimeInterval(7_200)
        #expect(
            try store.queue.finish(
                job, worker: "w1", resolution: .retry(at: retry, reason: "HTTP 503", countsAsAttempt: true), now: Self.slot,
                policy: .standard))
        #expect(try store.queue.sync(now: retry, grace: 900, policy: .standard).missed == 0)
        #expect(try store.queue.claim(worker: "w1", now: retry, lease: lease, limit: 5).map(\.variantID) == [variant.id])
    }

    // MARK: Given up unknown; dated by the network

    @Test(arguments: StoreBackend.allCases)
    func aPostGivenUpUnknownStaysUnknownWithAnAuditedReason(backend: StoreBackend) throws {
        let (store, variant, job) = try claimed(backend)
        let policy = RetryPolicy(maxAttempts: 1, baseDelay: 30, maxDelay: 3_600, jitter: 0)
        #expect(
            try store.queue.finish(
                job, worker: "w1", resolution: .reconcile(at: Self.slot, reason: "timeout"), now: Self.slot, policy: policy))
        #expect(try store.variants.variant(variant.id)?.state == .unknown)
        #expect(try store.queue.job(forVariant: variant.id)?.state == .discarded)
        let last = try #require(try store.audit.auditEvents(variant: variant.id).last)
        #expect(last.fromState == .unknown && last.toState == .unknown)
        #expect(last.reason?.hasPrefix("gave up with the outcome unknown after 1 attempts (timeout)") == true)
    }

    @Test(arguments: StoreBackend.allCases)
    func aPostFoundByALookUpIsDatedByTheNetworksTime(backend: StoreBackend) throws {
        let (store, variant, job) = try claimed(backend)
        let created = Self.slot.addingTimeInterval(5)
        let receipt = PublishReceipt(remoteID: "17890", createdAt: created)
        #expect(
            try store.queue.finish(
                job, worker: "w1", resolution: .published(receipt), now: Self.slot.addingTimeInterval(3_600),
                policy: .standard))
        #expect(try store.metrics.publicationTimes()[variant.id] == created)
    }
}
