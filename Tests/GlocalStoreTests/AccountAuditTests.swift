import Foundation
import GRDB
import GlocalCore
import Testing

@testable import GlocalStore

/// Pauses, resumes, the global crisis pause and (re)connections are audited with who, when and why,
/// in the transaction that makes them; the account audit log is append-only.
struct AccountAuditTests {
    static let now = StoreFixtures.date("2026-12-01T08:00:00Z")
    static let later = now.addingTimeInterval(600)
    let key = try! SecretKey(bytes: Data(repeating: 5, count: 32))

    @Test func pauseAndResumeAreAuditedWithTheirActorAndTime() throws {
        let store = try StoreFixtures.store()
        try store.publishQueue.setPaused(true, account: "lumiere-fr-x", actor: "claire@lumiere.example", now: Self.now)
        try store.publishQueue.setPaused(false, account: "lumiere-fr-x", actor: "admin@lumiere.example", now: Self.later)
        let events = try store.accountAuditEvents()
        #expect(events.map(\.action) == [.pause, .resume])
        #expect(events.map(\.actor) == ["claire@lumiere.example", "admin@lumiere.example"])
        #expect(events.map(\.at) == [Self.now, Self.later])
        #expect(events.allSatisfy { $0.accountID == "lumiere-fr-x" && $0.reason == nil })
    }

    @Test func theGlobalPauseIsAuditedWithItsReasonAndItsLifting() throws {
        let store = try StoreFixtures.store()
        try store.publishQueue.setGlobalPause(true, reason: "Product recall", actor: "admin@lumiere.example", now: Self.now)
        try store.publishQueue.setGlobalPause(false, reason: nil, actor: "cli:ops", now: Self.later)
        let events = try store.accountAuditEvents()
        #expect(events.map(\.action) == [.pauseAll, .resumeAll])
        #expect(events.map(\.reason) == ["Product recall", nil])
        #expect(events.map(\.actor) == ["admin@lumiere.example", "cli:ops"])
        #expect(events.allSatisfy { $0.accountID == nil })
    }

    /// The event and the hold are one transaction: an event that cannot be written leaves no hold.
    @Test func aPauseWhoseEventIsRefusedIsNotWritten() throws {
        let store = try StoreFixtures.store()
        #expect(throws: DatabaseError.self) {
            try store.publishQueue.setPaused(true, account: "lumiere-fr-x", actor: "", now: Self.now)
        }
        #expect(try store.publishQueue.allHolds().isEmpty)
        #expect(throws: DatabaseError.self) {
            try store.publishQueue.setGlobalPause(true, reason: "  ", actor: "admin@lumiere.example", now: Self.now)
        }
        #expect(try store.publishQueue.globalPause().paused == false)
        #expect(try store.accountAuditEvents().isEmpty)
    }

    @Test func aFirstConnectIsAConnectAndConnectingAgainAfterAHoldIsAReconnectThatLiftsIt() throws {
        let store = try StoreFixtures.store()
        let secrets = store.accountSecrets(key: key)
        let first = try secrets.connect(Data("one".utf8), account: "lumiere-fr-x", actor: "cli:ops", now: Self.now)
        #expect(first == AccountSecrets.Connection(isReconnect: false, clearedHold: nil))
        try store.publishQueue.setNeedsReconnect("token revoked", account: "lumiere-fr-x", now: Self.now)
        let again = try secrets.connect(Data("two".utf8), account: "lumiere-fr-x", actor: "cli:ops", now: Self.later)
        #expect(again == AccountSecrets.Connection(isReconnect: true, clearedHold: "token revoked"))
        #expect(try store.publishQueue.holds(account: "lumiere-fr-x").needsReconnect == nil)
        #expect(try secrets.secret(account: "lumiere-fr-x") == Data("two".utf8))
        let events = try store.accountAuditEvents(account: "lumiere-fr-x")
        #expect(events.map(\.action) == [.connect, .reconnect])
        #expect(events.map(\.clearedHold) == [nil, "token revoked"])
        #expect(events.map(\.at) == [Self.now, Self.later])
    }

    @Test func aConnectWhoseEventIsRefusedStoresNoSecretAndKeepsTheHold() throws {
        let store = try StoreFixtures.store()
        let secrets = store.accountSecrets(key: key)
        try store.publishQueue.setNeedsReconnect("token revoked", account: "lumiere-fr-x", now: Self.now)
        #expect(throws: DatabaseError.self) {
            try secrets.connect(Data("one".utf8), account: "lumiere-fr-x", actor: "", now: Self.now)
        }
        #expect(try secrets.secret(account: "lumiere-fr-x") == nil)
        #expect(try store.publishQueue.holds(account: "lumiere-fr-x").needsReconnect == "token revoked")
    }

    @Test func theAccountAuditLogIsAppendOnly() throws {
        let store = try StoreFixtures.store()
        try store.publishQueue.setPaused(true, account: "lumiere-fr-x", actor: "claire@lumiere.example", now: Self.now)
        for sql in ["UPDATE account_audit_event SET actor = 'mallory'", "DELETE FROM account_audit_event"] {
            let error = #expect(throws: DatabaseError.self) { try store.writer.write { try $0.execute(sql: sql) } }
            #expect(error?.message == "account_audit_event is append-only")
        }
        #expect(try store.accountAuditEvents().map(\.actor) == ["claire@lumiere.example"])
    }

    @Test func anAccountsEventsIncludeTheGlobalOnesAndScopingKeepsThemVisible() throws {
        let store = try StoreFixtures.store()
        let queue = store.publishQueue
        try queue.setPaused(true, account: "lumiere-fr-x", actor: "claire@lumiere.example", now: Self.now)
        try queue.setPaused(true, account: "lumiere-uk-x", actor: "olivia@lumiere.example", now: Self.now)
        try queue.setGlobalPause(true, reason: "recall", actor: "admin@lumiere.example", now: Self.later)
        #expect(try store.accountAuditEvents(account: "lumiere-fr-x").map(\.action) == [.pause, .pauseAll])
        let french = try store.recentAccountAuditEvents(limit: 10) { $0.hasPrefix("lumiere-fr") }
        #expect(french.map(\.accountID) == [nil, "lumiere-fr-x"])
        #expect(try store.recentAccountAuditEvents(limit: 1).map(\.action) == [.pauseAll])
    }

    /// A pause is not a variant change: it does not move the generation `apply` checks.
    @Test func accountEventsLeaveTheStoresGenerationAlone() throws {
        let store = try StoreFixtures.store(with: [StoreFixtures.variant()])
        let before = try store.snapshot().generation
        try store.publishQueue.setPaused(true, account: "lumiere-fr-instagram", actor: "claire@lumiere.example", now: Self.now)
        try store.publishQueue.setGlobalPause(true, reason: "recall", actor: "admin@lumiere.example", now: Self.now)
        #expect(try store.snapshot().generation == before)
    }

    @Test func aGlobalActionMustNameNoAccountAndAnAccountActionMustNameOne() throws {
        let store = try StoreFixtures.store()
        for (account, action) in [("lumiere-fr-x", "pause_all"), (nil, "pause"), (nil, "reconnect")] as [(String?, String)] {
            #expect(throws: DatabaseError.self) {
                try store.writer.write { db in
                    try db.execute(
                        sql: """
                            INSERT INTO account_audit_event (at, actor, account_id, action, reason)
                            VALUES ('2026-12-01T08:00:00.000Z', 'x', ?, ?, 'why')
                            """, arguments: [account, action])
                }
            }
        }
        #expect(try store.accountAuditEvents().isEmpty)
    }
}
