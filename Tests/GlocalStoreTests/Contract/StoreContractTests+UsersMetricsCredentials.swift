import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// The store contract, continued: users and sessions, metrics checkpoints and credentials.
extension StoreContractTests {
    // MARK: Users and sessions

    @Test(arguments: StoreBackend.allCases)
    func usersSignInAndSessionsExpireAndClose(backend: StoreBackend) throws {
        let store = try backend.open()
        let password = "correct horse battery"
        let claire = try store.users.add(
            email: "Claire@Lumiere.example", role: .manager, password: password, now: StoreFixtures.now)
        #expect(claire.email == "claire@lumiere.example")
        #expect(try store.users.users() == [claire])
        #expect(try store.users.authenticate(email: claire.email, password: password, now: StoreFixtures.now) == .success(claire))
        #expect(
            try store.users.authenticate(email: claire.email, password: "wrong password!", now: StoreFixtures.now) == .invalid)
        let (token, session) = try store.sessions.open(for: claire.email, now: StoreFixtures.now)
        #expect(session.user == claire && session.expiresAt == StoreFixtures.now.addingTimeInterval(3_600))
        #expect(try store.sessions.session(token: token, now: StoreFixtures.now.addingTimeInterval(60)) == session)
        #expect(try store.sessions.session(token: token, now: StoreFixtures.now.addingTimeInterval(3_601)) == nil)
        let (second, _) = try store.sessions.open(for: claire.email, now: StoreFixtures.now)
        try store.sessions.close(token: second)
        #expect(try store.sessions.session(token: second, now: StoreFixtures.now) == nil)
        try store.users.resetPassword(claire.email, to: "another long password")
        #expect(
            try store.users.authenticate(email: claire.email, password: "another long password", now: StoreFixtures.now)
                == .success(claire))
        try store.users.remove(claire.email)
        #expect(try store.users.user(claire.email) == nil)
    }

    // MARK: Metrics checkpoints

    @Test(arguments: StoreBackend.allCases)
    func aPublishedPostGetsOneReadingPerCheckpointOnce(backend: StoreBackend) throws {
        let (store, variant, job) = try claimed(backend)
        let published = Self.slot.addingTimeInterval(5)
        _ = try store.queue.finish(
            job, worker: "w1", resolution: .published(PublishReceipt(remoteID: "1")), now: published, policy: .standard)
        let checkpoints = EngagementCheckpoints.standardReadings
        #expect(try store.metrics.enqueuePublished(checkpoints: checkpoints + [0]) == 3)
        #expect(try store.metrics.enqueuePublished(checkpoints: checkpoints) == 0)
        let jobs = try store.metrics.jobs(variant: variant.id)
        #expect(jobs.map(\.checkpoint) == checkpoints)
        #expect(jobs.map(\.dueAt) == checkpoints.map { published.addingTimeInterval(Double($0)) })
        #expect(try store.metrics.publicationTimes() == [variant.id: published])
        let due = try store.metrics.claimDue(now: published.addingTimeInterval(3_600), limit: 10, lease: 300)
        #expect(due.map(\.checkpoint) == [3_600])
        #expect(try store.metrics.claimDue(now: published.addingTimeInterval(3_600), limit: 10, lease: 300).isEmpty)
        try store.metrics.record(due[0], counters: ["likes": 3, "comments": 1], fetchedAt: published.addingTimeInterval(3_610))
        let samples = try store.metrics.samples(variant: variant.id)
        #expect(samples.map(\.checkpoint) == [3_600] && samples.map(\.counters) == [["likes": 3, "comments": 1]])
        #expect(samples.first?.engagement == EngagementScore.total(["likes": 3, "comments": 1]))
    }

    @Test(arguments: StoreBackend.allCases)
    func aReadingIsRetriedThenGivenUp(backend: StoreBackend) throws {
        let (store, variant, job) = try claimed(backend)
        _ = try store.queue.finish(
            job, worker: "w1", resolution: .published(PublishReceipt(remoteID: "1")), now: Self.slot, policy: .standard)
        _ = try store.metrics.enqueuePublished(checkpoints: [3_600])
        var now = Self.slot.addingTimeInterval(3_600)
        for attempt in 1...MetricsRetryPolicy.standard.maxAttempts {
            let reading = try #require(try store.metrics.claimDue(now: now, limit: 1, lease: 300).first)
            #expect(reading.attempts == attempt)
            let kept = try store.metrics.retry(
                reading, at: now.addingTimeInterval(60), reason: "503", countsAsAttempt: true, now: now)
            #expect(kept == (attempt < MetricsRetryPolicy.standard.maxAttempts))
            now = now.addingTimeInterval(120)
        }
        #expect(try store.metrics.jobs(variant: variant.id).map(\.state) == ["discarded"])
    }

    @Test(arguments: StoreBackend.allCases)
    func engagementIsScoredAtTheNetworksCheckpointInTheLocalBucket(backend: StoreBackend) throws {
        let store = try backend.open()
        var published: [Network: Date] = [:]
        for network in [Network.instagram, .youtube] {
            let variant = StoreFixtures.variant(
                account: "lumiere-fr-\(network.rawValue)", network: network, state: .approved, scheduledAt: Self.slot)
            try store.variants.apply(StoreFixtures.creating([variant]), actor: "test", now: StoreFixtures.now)
        }
        _ = try store.queue.sync(now: Self.slot.addingTimeInterval(-600), grace: 900, policy: .standard)
        for job in try store.queue.claim(worker: "w1", now: Self.slot, lease: lease, limit: 5) {
            _ = try store.queue.begin(job, worker: "w1", now: Self.slot, caps: noCaps)
            _ = try store.queue.finish(
                job, worker: "w1", resolution: .published(PublishReceipt(remoteID: job.variantID)), now: Self.slot,
                policy: .standard)
            published[job.network] = Self.slot
        }
        #expect(published.count == 2)
        _ = try store.metrics.enqueuePublished(checkpoints: [86_400, 604_800])
        let readings = try store.metrics.claimDue(now: Self.slot.addingTimeInterval(604_800), limit: 10, lease: 300)
        #expect(readings.count == 4)
        for reading in readings {
            try store.metrics.record(
                reading, counters: ["likes": reading.checkpoint == 86_400 ? 10 : 70],
                fetchedAt: Self.slot.addingTimeInterval(604_800))
        }
        let records = try store.metrics.engagementRecords(checkpoint: 86_400, youtubeCheckpoint: 604_800)
        let byNetwork = Dictionary(uniqueKeysWithValues: records.map { ($0.network, $0) })
        #expect(byNetwork[.instagram]?.engagement == 10)
        #expect(byNetwork[.youtube]?.engagement == 70)
        // 08:00 UTC on Tuesday 1 December is 09:00 in Paris.
        #expect(byNetwork[.instagram]?.bucket == TimingBucket.local(of: Self.slot, timeZoneIdentifier: "Europe/Paris"))
        #expect(byNetwork[.instagram]?.bucket == TimingBucket(weekday: 2, block: 4))
    }

    // MARK: Credentials

    @Test(arguments: StoreBackend.allCases)
    func credentialsAreSealedAndAConnectionLiftsTheReconnectHold(backend: StoreBackend) throws {
        let store = try backend.open()
        let secret = Data(#"{"token":"t-1"}"#.utf8)
        #expect(try store.credentials.secret(account: "lumiere-fr-x") == nil)
        let first = try store.credentials.connect(secret, account: "lumiere-fr-x", actor: "claire", now: StoreFixtures.now)
        #expect(!first.isReconnect && first.clearedHold == nil)
        #expect(try store.credentials.secret(account: "lumiere-fr-x") == secret)
        try store.queue.setNeedsReconnect("token revoked", account: "lumiere-fr-x", now: StoreFixtures.now)
        let renewed = Data(#"{"token":"t-2"}"#.utf8)
        let second = try store.credentials.connect(renewed, account: "lumiere-fr-x", actor: "claire", now: StoreFixtures.now)
        #expect(second.isReconnect && second.clearedHold == "token revoked")
        #expect(try store.queue.holds(account: "lumiere-fr-x").needsReconnect == nil)
        try store.credentials.store(Data("refreshed".utf8), account: "lumiere-fr-x", now: StoreFixtures.now)
        #expect(try store.credentials.secret(account: "lumiere-fr-x") == Data("refreshed".utf8))
        #expect(try store.credentials.accounts() == ["lumiere-fr-x"])
        #expect(try store.audit.accountAuditEvents(account: "lumiere-fr-x").map(\.action) == [.connect, .reconnect])
    }
}
