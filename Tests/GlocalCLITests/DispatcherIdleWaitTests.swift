import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalPostgres
import GlocalStore
import Testing

/// A post that falls due between a node's empty claim and its idle wait is claimed at once, not a poll later (the
/// lateness tail of issue #16), while a job due yet held still waits a full poll; on SQLite and on PostgreSQL, on the
/// dispatcher's injected clock.
@Suite(.serialized)
struct DispatcherIdleWaitTests {
    static let slot = Date(timeIntervalSince1970: 1_796_115_600)
    static let account = "lumiere-fr-mastodon"

    /// No credentials: the tests never send.
    struct NoCredentials: CredentialSource {
        func credentials(for accountID: String) async throws -> AccountCredentials? { nil }
        func store(_ credentials: AccountCredentials, for accountID: String) async throws {}
        func whileRefreshing<T>(_ accountID: String, _ body: (AccountCredentials?) async throws -> T) async throws -> T {
            try await body(nil)
        }
    }

    /// One approved Mastodon post due at `slot`.
    static var plan: Plan {
        let variant = StoredVariant(
            id: "launch/post-1/\(account)", campaignID: "launch", postID: "post-1", accountID: account, network: .mastodon,
            locale: "fr", kind: .informative, text: "Bonjour", title: nil, link: nil, linkPlacement: .none, media: [],
            contentHash: "h1", scheduledAt: slot, localTime: nil, timeZone: "UTC", live: false, state: .approved,
            explanation: [])
        return Plan(changes: [
            PlanChange(action: .create, id: variant.id, desired: variant, stored: nil, contentChanged: true, timeChanged: true)
        ])
    }

    static func dispatcher(_ queue: any PublishJobQueue, clock: SimulatedClock) -> Dispatcher {
        Dispatcher(
            configuration: DispatchConfiguration(worker: "node-a", concurrency: 2, grace: 900), queue: queue, clients: [:],
            credentials: NoCredentials(), posts: OutgoingPostFactory(accounts: [], root: URL(fileURLWithPath: "/nonexistent")),
            clock: { clock.now })
    }

    /// A round half a second before the slot finds nothing; the slot passes before the node goes idle.
    static func expectNoWaitForAPostThatFellDueDuringTheRound(_ queue: any PublishJobQueue) async throws {
        let clock = SimulatedClock(slot.addingTimeInterval(-0.5))
        let dispatcher = dispatcher(queue, clock: clock)
        let began = dispatcher.now
        #expect(try await dispatcher.runOnce().isEmpty, "nothing is due yet")
        clock.move(to: slot.addingTimeInterval(0.05))
        #expect(try dispatcher.idleWait(poll: 1, roundBegan: began) == 0, "the post fell due during the round: claim again")
        // The next round (no client for Mastodon) claims it: it was not held.
        let reports = try await dispatcher.runOnce()
        #expect(reports.map(\.variantID) == ["launch/post-1/\(account)"])
    }

    /// The account is paused: the post is due before the round began and stays unclaimed, so a full poll.
    static func expectAFullPollForAHeldPost(_ queue: any PublishJobQueue) async throws {
        let clock = SimulatedClock(slot.addingTimeInterval(10))
        try queue.setPaused(true, account: account, actor: "test", now: clock.now)
        let dispatcher = dispatcher(queue, clock: clock)
        let began = dispatcher.now
        #expect(try await dispatcher.runOnce().isEmpty, "a paused account's post is not claimed")
        clock.advance(by: 0.05)
        #expect(try dispatcher.idleWait(poll: 1, roundBegan: began) == 1)
    }

    static func sqliteQueue() throws -> any PublishJobQueue {
        let store = try SQLiteVariantStore.inMemory()
        _ = try store.apply(plan, actor: "test", now: slot.addingTimeInterval(-3_600))
        _ = try store.publishQueue.sync(now: slot.addingTimeInterval(-60), grace: 900, policy: .standard)
        return store.publishQueue
    }

    static func postgresQueue() throws -> any PublishJobQueue {
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let store = try PostgresStore(
            location: try PostgresLocation(url: try PostgresTestEnvironment.url()).inSchema(schema), nodeID: "node-a")
        _ = try store.apply(plan, actor: "test", now: slot.addingTimeInterval(-3_600))
        _ = try store.publishQueue.sync(now: slot.addingTimeInterval(-60), grace: 900, policy: .standard)
        return store.publishQueue
    }

    @Test func onSQLiteAPostThatFellDueDuringTheRoundIsClaimedAtOnce() async throws {
        try await Self.expectNoWaitForAPostThatFellDueDuringTheRound(try Self.sqliteQueue())
    }

    @Test func onSQLiteAHeldPostWaitsAFullPoll() async throws {
        try await Self.expectAFullPollForAHeldPost(try Self.sqliteQueue())
    }

    @Test(.enabled(if: PostgresTestEnvironment.enabled, "no PostgreSQL server (GLOCAL_TEST_POSTGRES_URL)"))
    func onPostgreSQLAPostThatFellDueDuringTheRoundIsClaimedAtOnce() async throws {
        try await Self.expectNoWaitForAPostThatFellDueDuringTheRound(try Self.postgresQueue())
    }

    @Test(.enabled(if: PostgresTestEnvironment.enabled, "no PostgreSQL server (GLOCAL_TEST_POSTGRES_URL)"))
    func onPostgreSQLAHeldPostWaitsAFullPoll() async throws {
        try await Self.expectAFullPollForAHeldPost(try Self.postgresQueue())
    }
}
