import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// The store contract, written against the store protocols only and run on every `StoreBackend`:
/// guarded state changes, the append-only audit, claim / lease / finish, users and sessions, metrics
/// checkpoints and credentials.
struct StoreContractTests {
    static let slot = StoreFixtures.date("2026-12-01T08:00:00Z")
    let lease: TimeInterval = 60
    let noCaps: (Network) -> [PublishingCap] = { _ in [] }

    /// A store holding `variants` (created by a plan as `apply` does).
    func store(_ backend: StoreBackend, with variants: [StoredVariant]) throws -> StoreUnderTest {
        let store = try backend.open()
        try store.variants.apply(StoreFixtures.creating(variants), actor: "test", now: StoreFixtures.now)
        return store
    }

    /// A store with one approved variant on `network`, queued and claimed by `worker`, its attempt started.
    func claimed(
        _ backend: StoreBackend, network: Network = .instagram, worker: String = "w1"
    ) throws -> (StoreUnderTest, StoredVariant, PublishJob) {
        let variant = StoreFixtures.variant(
            account: "lumiere-fr-\(network.rawValue)", network: network, state: .approved, scheduledAt: Self.slot)
        let store = try store(backend, with: [variant])
        let report = try store.queue.sync(now: Self.slot.addingTimeInterval(-600), grace: 900, policy: .standard)
        #expect(report.enqueued == 1)
        let job = try #require(try store.queue.claim(worker: worker, now: Self.slot, lease: lease, limit: 5).first)
        #expect(
            try store.queue.begin(job, worker: worker, now: Self.slot, caps: noCaps) == .send(withState(variant, .publishing)))
        return (store, variant, job)
    }

    func withState(_ variant: StoredVariant, _ state: VariantState) -> StoredVariant {
        var copy = variant
        copy.state = state
        return copy
    }

    // MARK: Guarded transitions and the audit

    @Test(arguments: StoreBackend.allCases)
    func allowedMovesAreAppliedAndRefusedOnesChangeNothing(backend: StoreBackend) throws {
        let variant = StoreFixtures.variant(state: .pendingApproval)
        let store = try store(backend, with: [variant])
        try store.variants.setState(variant.id, to: .approved, actor: "claire", now: StoreFixtures.now)
        #expect(try store.variants.variant(variant.id)?.state == .approved)
        let before = try store.audit.auditEvents(variant: variant.id)
        #expect(throws: VariantStoreError.invalidTransition(variantID: variant.id, from: .approved, to: .published)) {
            try store.variants.setState(variant.id, to: .published, actor: "claire", now: StoreFixtures.now)
        }
        #expect(try store.variants.variant(variant.id)?.state == .approved)
        #expect(try store.audit.auditEvents(variant: variant.id) == before)
        #expect(throws: VariantStoreError.variantNotFound("no/such/variant")) {
            try store.variants.setState("no/such/variant", to: .approved, actor: "claire", now: StoreFixtures.now)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func theAuditOnlyGrowsAndRecordsEveryMove(backend: StoreBackend) throws {
        let variant = StoreFixtures.variant(state: .pendingApproval)
        let store = try store(backend, with: [variant])
        let created = try store.audit.auditEvents(variant: variant.id)
        #expect(created.map(\.action) == [.create])
        var seen = created
        for (index, state) in [VariantState.approved, .pendingApproval, .rejected].enumerated() {
            let now = StoreFixtures.now.addingTimeInterval(Double(index + 1) * 60)
            try store.variants.setState(variant.id, to: state, actor: "claire", now: now)
            let events = try store.audit.auditEvents(variant: variant.id)
            #expect(events.count == seen.count + 1)
            #expect(Array(events.prefix(seen.count)) == seen, "earlier events are never changed")
            let last = try #require(events.last)
            #expect(last.action == .setState && last.toState == state && last.actor == "claire" && last.at == now)
            seen = events
        }
        #expect(try store.audit.auditEvents(variant: nil).count == seen.count)
    }

    @Test(arguments: StoreBackend.allCases)
    func accountHoldsAreAudited(backend: StoreBackend) throws {
        let store = try backend.open()
        try store.queue.setPaused(true, account: "lumiere-fr-x", actor: "claire", now: StoreFixtures.now)
        try store.queue.setGlobalPause(true, reason: "crisis", actor: "admin", now: StoreFixtures.now)
        #expect(try store.queue.holds(account: "lumiere-fr-x").paused)
        #expect(try store.queue.globalPause() == (true, "crisis"))
        let events = try store.audit.accountAuditEvents(account: "lumiere-fr-x")
        #expect(events.map(\.action) == [.pause, .pauseAll])
        #expect(events.map(\.actor) == ["claire", "admin"])
        let recent = try store.audit.recentAccountAuditEvents(limit: 1, visible: { _ in false })
        #expect(recent.map(\.action) == [.pauseAll], "the global pause is seen by everyone; the newest comes first")
    }

    // MARK: Claim, lease, finish

    @Test(arguments: StoreBackend.allCases)
    func aClaimedJobIsHeldByOneWorkerAndFinishedOnlyByIt(backend: StoreBackend) throws {
        let (store, variant, job) = try claimed(backend)
        #expect(job.lockedBy == "w1" && job.attempt == 1 && job.state == .running)
        #expect(try store.queue.claim(worker: "w2", now: Self.slot, lease: lease, limit: 5).isEmpty)
        #expect(try store.queue.heartbeat(worker: "w2", jobIDs: [job.id], now: Self.slot, lease: lease).isEmpty)
        #expect(try store.queue.heartbeat(worker: "w1", jobIDs: [job.id], now: Self.slot, lease: lease) == [job.id])
        let receipt = PublishReceipt(remoteID: "1790", url: "https://instagram.example/p/1790")
        // Another worker's outcome writes nothing.
        #expect(
            try !store.queue.finish(
                job, worker: "w2", resolution: .published(receipt), now: Self.slot.addingTimeInterval(5), policy: .standard))
        #expect(try store.variants.variant(variant.id)?.state == .publishing)
        #expect(try store.queue.publication(of: variant.id) == nil)
        #expect(
            try store.queue.finish(
                job, worker: "w1", resolution: .published(receipt), now: Self.slot.addingTimeInterval(5), policy: .standard))
        #expect(try store.variants.variant(variant.id)?.state == .published)
        #expect(try store.queue.publication(of: variant.id) == receipt)
        #expect(try store.queue.job(forVariant: variant.id)?.state == .completed)
        #expect(try store.queue.countsByState() == [.completed: 1])
        #expect(try store.queue.nextWake() == nil)
    }

    @Test(arguments: StoreBackend.allCases)
    func anExpiredLeaseIsRescuedAndTheDeadWorkerWritesNothing(backend: StoreBackend) throws {
        let (store, variant, job) = try claimed(backend)
        #expect(try store.queue.rescueExpiredLeases(now: Self.slot.addingTimeInterval(lease - 1), maxRescues: 10) == 0)
        #expect(try store.queue.nextWake() == Self.slot.addingTimeInterval(lease))
        #expect(try store.queue.rescueExpiredLeases(now: Self.slot.addingTimeInterval(lease + 1), maxRescues: 10) == 1)
        let rescued = try #require(try store.queue.job(forVariant: variant.id))
        #expect(rescued.state == .retryable && rescued.attempt == 0 && rescued.rescues == 1 && rescued.lockedBy == nil)
        #expect(rescued.runAt == Self.slot && rescued.lastError == RescuePolicy.leaseExpired)
        #expect(
            try !store.queue.finish(
                job, worker: "w1", resolution: .fail(reason: "late"), now: Self.slot.addingTimeInterval(90), policy: .standard))
        #expect(try !store.queue.resend(job, worker: "w1", now: Self.slot.addingTimeInterval(90)))
        #expect(try !store.queue.savePending(PublishReceipt(remoteID: "x"), for: job, worker: "w1"))
        // The next worker looks the post up before anything else: the variant may be out.
        let next = try #require(
            try store.queue.claim(worker: "w2", now: Self.slot.addingTimeInterval(90), lease: lease, limit: 1).first)
        let start = try store.queue.begin(next, worker: "w2", now: Self.slot.addingTimeInterval(90), caps: noCaps)
        #expect(start == .reconcile(withState(variant, .publishing), pending: nil))
    }

    @Test(arguments: StoreBackend.allCases)
    func aJobThatKeepsKillingItsWorkersIsSetAside(backend: StoreBackend) throws {
        let (store, variant, _) = try claimed(backend)
        #expect(try store.queue.rescueExpiredLeases(now: Self.slot.addingTimeInterval(lease + 1), maxRescues: 1) == 1)
        let job = try #require(try store.queue.job(forVariant: variant.id))
        #expect(job.state == .discarded && job.rescues == 1)
        #expect(try store.variants.variant(variant.id)?.state == .unknown)
        // Given up while its outcome is unknown: the event the failure scan tells a person about, with the reason.
        let giveUp = try #require(UnknownOutcomeGiveUp.latest(in: try store.audit.auditEvents(variant: variant.id)))
        #expect(giveUp.reason == job.lastError && giveUp.reason.contains("crash loop"))
    }

    /// Workers that die between the claim and `begin` never sent the post: after the crash loop it is `failed`, told
    /// to a person, not left `scheduled` with no job to send it.
    @Test(arguments: StoreBackend.allCases)
    func aCrashLoopBeforeAnySendFailsThePost(backend: StoreBackend) throws {
        let variant = StoreFixtures.variant(account: "lumiere-fr-instagram", state: .approved, scheduledAt: Self.slot)
        let store = try store(backend, with: [variant])
        _ = try store.queue.sync(now: Self.slot.addingTimeInterval(-600), grace: 900, policy: .standard)
        _ = try #require(try store.queue.claim(worker: "w1", now: Self.slot, lease: lease, limit: 1).first)
        #expect(try store.variants.variant(variant.id)?.state == .scheduled)
        #expect(try store.queue.rescueExpiredLeases(now: Self.slot.addingTimeInterval(lease + 1), maxRescues: 1) == 1)
        let job = try #require(try store.queue.job(forVariant: variant.id))
        #expect(job.state == .discarded && job.lastError?.contains("crash loop") == true)
        #expect(try store.variants.variant(variant.id)?.state == .failed)
        #expect(try store.audit.auditEvents(variant: variant.id).last?.toState == .failed)
    }

    @Test(arguments: StoreBackend.allCases)
    func eachOutcomeSettlesTheJobAsTheCoreDecides(backend: StoreBackend) throws {
        let later = Self.slot.addingTimeInterval(600)
        let cases: [(JobResolution, VariantState, JobState)] = [
            (.retry(at: later, reason: "503", countsAsAttempt: true), .scheduled, .retryable),
            (.reconcile(at: later, reason: "timeout"), .unknown, .retryable),
            (.hold(reason: "token revoked"), .scheduled, .retryable),
            (.fail(reason: "refused"), .failed, .discarded),
        ]
        for (resolution, variantState, jobState) in cases {
            let (store, variant, job) = try claimed(backend)
            #expect(try store.queue.finish(job, worker: "w1", resolution: resolution, now: Self.slot, policy: .standard))
            #expect(try store.variants.variant(variant.id)?.state == variantState, "\(resolution)")
            let settled = try #require(try store.queue.job(forVariant: variant.id))
            #expect(settled.state == jobState, "\(resolution)")
            let expected = JobSettlement.settling(resolution, attempt: 1, runAt: job.runAt, policy: .standard)
            if case .requeue(let at, let reason, let refund) = expected.job {
                #expect(settled.runAt == at && settled.lastError == reason && settled.attempt == (refund ? 0 : 1))
            }
            #expect(try store.queue.holds(account: variant.accountID).needsReconnect == expected.needsReconnect)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func oneDispatcherStepSettlesHoldsAndClaimsInOneWrite(backend: StoreBackend) throws {
        let variants = (0..<3).map {
            StoreFixtures.variant(
                account: "account-\(100 + $0)", state: .approved, scheduledAt: Self.slot.addingTimeInterval(Double($0)))
        }
        let store = try store(backend, with: variants)
        _ = try store.queue.sync(now: Self.slot.addingTimeInterval(-600), grace: 900, policy: .standard)
        #expect(try store.queue.nextDue() == Self.slot)
        #expect(try store.queue.waitingJobCounts() == ["account-100": 1, "account-101": 1, "account-102": 1])
        let first = try store.queue.settleAndClaim(
            [], rateLimits: ["account-101": Self.slot.addingTimeInterval(900)], worker: "w1",
            now: Self.slot.addingTimeInterval(5),
            policy: .standard, lease: lease, limit: 10, caps: noCaps)
        // The rate-limited account is held in the same write, so its job is not claimed.
        #expect(first.held.isEmpty)
        #expect(first.started.map(\.job.accountID) == ["account-100", "account-102"])
        #expect(first.started.allSatisfy { if case .send = $0.start { true } else { false } })
        #expect(try store.queue.allHolds()["account-101"]?.rateLimitedUntil == Self.slot.addingTimeInterval(900))
        let outcomes = first.started.map {
            (job: $0.job, resolution: JobResolution.published(PublishReceipt(remoteID: $0.job.variantID)))
        }
        let second = try store.queue.settleAndClaim(
            outcomes, rateLimits: [:], worker: "w1", now: Self.slot.addingTimeInterval(10), policy: .standard, lease: lease,
            limit: 10, caps: noCaps)
        #expect(second.held == [true, true] && second.started.isEmpty)
        #expect(
            try store.variants.variants(in: .published, visible: { _ in true }).map(\.accountID) == [
                "account-100", "account-102",
            ])
        #expect(try store.variants.variants(in: .published, visible: { $0 == "account-102" }).map(\.accountID) == ["account-102"])
        #expect(try store.variants.variants(account: "account-101").map(\.state) == [.scheduled])
        #expect(try store.variants.variants(campaign: "hydra-launch", visible: { _ in true }).count == 3)
        let recent = try store.audit.recentAuditEvents(limit: 2, visible: { _ in true })
        #expect(recent.count == 2 && recent.allSatisfy { $0.toState == .published && $0.actor == PublishQueue.actor })
        #expect(
            try store.audit.recentAuditEvents(limit: 50, visible: { $0 == "account-101" }).allSatisfy {
                $0.variantID == variants[1].id
            })
    }
}
