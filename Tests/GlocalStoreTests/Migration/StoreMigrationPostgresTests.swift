import Foundation
import GRDB
import GlocalCore
import PostgresNIO
import Testing

@testable import GlocalPostgres
@testable import GlocalStore

/// A SQLite store with every kind of row moved into PostgreSQL on a real server: the counts and checksums
/// agree, the PostgreSQL store answers as the SQLite one did, and a copy that cannot be trusted commits nothing.
@Suite(.enabled(if: StoreMigrationFixture.postgresEnabled, "no PostgreSQL server: set GLOCAL_TEST_POSTGRES_URL"))
struct StoreMigrationPostgresTests {
    /// Moves `fixture`'s store into a new PostgreSQL store.
    func move(_ fixture: StoreMigrationFixture) throws -> (PostgresStore, StoreCopyVerification) {
        let target = try PostgresStore(location: try StoreMigrationFixture.freshLocation(), poolSize: 2)
        let verification = try fixture.sqlite.readForCopy { try PostgresStoreImport(store: target).copy(from: $0) }
        return (target, verification)
    }

    @Test func everyTableIsCopiedWithTheSameCountsAndChecksums() throws {
        let fixture = try StoreMigrationFixture()
        let (_, verification) = try move(fixture)
        #expect(verification.matches)
        #expect(verification.lines.map(\.table) == StoreCopyPlan.tables.map(\.sqliteName))
        for line in verification.lines {
            #expect(line.source.rows > 0, "the fixture has rows in \(line.table)")
            #expect(line.copy == line.source)
        }
        // The checksum is the source's: the same store hashed again gives the same figures.
        let again = try fixture.sqlite.readForCopy { source in
            try StoreCopyPlan.tables.map { table -> StoreTableTally in
                var checksum = StoreTableChecksum(table: table.sqliteName)
                try source.forEachRow(of: table) { checksum.add($0) }
                return checksum.tally()
            }
        }
        #expect(again == verification.lines.map(\.source))
    }

    @Test func thePostgreSQLStoreAnswersAsTheSQLiteStoreDid() throws {
        let fixture = try StoreMigrationFixture()
        let (target, _) = try move(fixture)
        let copy = try StoreMigrationFixture.underTest(target)
        let original = fixture.store
        let variants = try original.variants.allVariants()
        #expect(try copy.variants.allVariants() == variants)
        #expect(variants.contains { $0.scheduledAt == StoreMigrationFixture.slot.addingTimeInterval(0.125) })
        #expect(try copy.audit.auditEvents(variant: nil) == original.audit.auditEvents(variant: nil))
        // The dispatcher's events keep the node that wrote them; a person's and apply's have none.
        let events = try copy.audit.auditEvents(variant: nil)
        #expect(events.contains { $0.actor == PublishQueue.actor && $0.node == "node-a" })
        #expect(events.filter { $0.actor != PublishQueue.actor }.allSatisfy { $0.node == nil })
        #expect(try copy.audit.accountAuditEvents(account: nil) == original.audit.accountAuditEvents(account: nil))
        for variant in variants {
            #expect(try copy.queue.job(forVariant: variant.id) == original.queue.job(forVariant: variant.id))
            #expect(try copy.queue.publication(of: variant.id) == original.queue.publication(of: variant.id))
            #expect(try copy.metrics.jobs(variant: variant.id) == original.metrics.jobs(variant: variant.id))
            #expect(try copy.metrics.samples(variant: variant.id) == original.metrics.samples(variant: variant.id))
        }
        #expect(try copy.queue.countsByState() == original.queue.countsByState())
        #expect(try copy.queue.allHolds() == original.queue.allHolds())
        #expect(try copy.queue.globalPause() == original.queue.globalPause())
        #expect(try copy.queue.nextWake() == original.queue.nextWake())
        #expect(try copy.users.users() == original.users.users())
        let claire = try #require(try original.users.user("claire@lumiere.example"))
        #expect(
            try copy.users.authenticate(email: claire.email, password: StoreMigrationFixture.password, now: StoreFixtures.now)
                == .success(claire), "the password hash is copied")
        #expect(
            try copy.sessions.session(token: fixture.sessionToken, now: StoreFixtures.now)
                == original.sessions.session(token: fixture.sessionToken, now: StoreFixtures.now))
        #expect(try copy.sessions.session(token: fixture.sessionToken, now: StoreFixtures.now) != nil)
        #expect(try copy.credentials.accounts() == original.credentials.accounts())
        for (account, secret) in fixture.secrets {
            #expect(try copy.credentials.secret(account: account) == secret, "opens with the same key")
        }
        let signIn = try copy.credentials.takeConnectAttempt(state: "state-under-way")
        #expect(signIn == StoreMigrationFixture.signIn(issuedAt: StoreFixtures.now), "a sign-in under way finishes on the copy")
    }

    @Test func newRowsGetIdsPastTheCopiedOnes() throws {
        let fixture = try StoreMigrationFixture()
        // SQLite's AUTOINCREMENT never gives an id twice, even one whose row is gone: neither does the copy.
        try fixture.sqlite.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO login_attempt (id, email, at, succeeded) VALUES (500, 'gone@lumiere.example', '2026-11-20T10:00:00.000Z', 0);
                    DELETE FROM login_attempt WHERE id = 500
                    """)
        }
        let (target, _) = try move(fixture)
        let copy = try StoreMigrationFixture.underTest(target)
        _ = try copy.users.authenticate(email: "claire@lumiere.example", password: "wrong password!", now: StoreFixtures.now)
        #expect(try target.pool.transaction { try $0.value("SELECT max(id) FROM login_attempt", as: Int.self) } == 501)
        let lastAudit = try #require(try copy.audit.auditEvents(variant: nil).map(\.id).max())
        let lastAccountAudit = try #require(try copy.audit.accountAuditEvents(account: nil).map(\.id).max())
        let pending = try #require(try copy.variants.allVariants().first { $0.state == .pendingApproval && !$0.live })
        try copy.variants.setState(pending.id, to: .approved, actor: "claire", now: StoreFixtures.now)
        try copy.queue.setPaused(true, account: "lumiere-fr-tiktok", actor: "claire", now: StoreFixtures.now)
        #expect(try copy.audit.auditEvents(variant: pending.id).last?.id == lastAudit + 1)
        #expect(try copy.audit.accountAuditEvents(account: "lumiere-fr-tiktok").last?.id == lastAccountAudit + 1)
        #expect(try copy.queue.sync(now: StoreFixtures.now, grace: 900, policy: .standard).enqueued == 1)
    }

    @Test func aTargetThatHoldsDataIsRefusedAndKeptAsItWas() throws {
        let fixture = try StoreMigrationFixture()
        let (target, first) = try move(fixture)
        #expect(throws: StoreCopyError.self) {
            try fixture.sqlite.readForCopy { try PostgresStoreImport(store: target).copy(from: $0) }
        }
        do {
            _ = try fixture.sqlite.readForCopy { try PostgresStoreImport(store: target).copy(from: $0) }
        } catch let error as StoreCopyError {
            guard case .targetNotEmpty(let shown, let tables) = error else {
                Issue.record("expected targetNotEmpty, got \(error)")
                return
            }
            #expect(shown == target.pool.location.description)
            #expect(tables.first == StoreTableTally(table: "variant", rows: 7, checksum: ""))
            #expect(error.description.contains("already holds data (variant: 7 rows, audit_event:"))
            #expect(error.description.contains("?schema=NAME"))
        }
        let after = try target.pool.transaction { transaction in
            try StoreCopyPlan.tables.map { try PostgresCopyReader.tally($0, transaction) }
        }
        #expect(after == first.lines.compactMap(\.copy), "nothing was added")
    }

    @Test func aCopyThatReadsBackDifferentlyCommitsNothing() throws {
        let fixture = try StoreMigrationFixture()
        let location = try StoreMigrationFixture.freshLocation()
        let target = try PostgresStore(location: location, poolSize: 2)
        // A trigger that changes a value on its way in stands for any silent change of a value.
        try target.pool.transaction { transaction in
            try transaction.execute(
                """
                CREATE FUNCTION shift_position() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN NEW.position := NEW.position + 1; RETURN NEW; END $$
                """)
            try transaction.execute(
                "CREATE TRIGGER shift BEFORE INSERT ON notification_cursor FOR EACH ROW EXECUTE FUNCTION shift_position()")
        }
        do {
            _ = try fixture.sqlite.readForCopy { try PostgresStoreImport(store: target).copy(from: $0) }
            Issue.record("a changed value was committed")
        } catch StoreCopyError.verificationFailed(let verification) {
            #expect(verification.differingTables == ["notification_cursor"])
            let line = try #require(verification.lines.first { $0.table == "notification_cursor" })
            #expect(line.copy?.rows == line.source.rows && line.copy?.checksum != line.source.checksum)
            #expect(StoreCopyError.verificationFailed(verification).description.contains("nothing was committed"))
        }
        let counts = try target.pool.transaction { transaction in
            try StoreCopyPlan.tables.map {
                try transaction.value(
                    PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(PostgresLocation.quoted($0.postgresName))"), as: Int.self)
            }
        }
        #expect(counts.allSatisfy { $0 == 0 }, "the whole copy was rolled back")
    }

    @Test func aValueThatIsNotWhatItsColumnHoldsStopsTheCopy() throws {
        let fixture = try StoreMigrationFixture()
        try fixture.sqlite.writer.write { db in
            try db.execute(
                sql:
                    "UPDATE session SET created_at = '2026-11-20 10:00:00' WHERE token_hash = (SELECT min(token_hash) FROM session)"
            )
        }
        let target = try PostgresStore(location: try StoreMigrationFixture.freshLocation(), poolSize: 2)
        do {
            _ = try fixture.sqlite.readForCopy { try PostgresStoreImport(store: target).copy(from: $0) }
            Issue.record("a malformed instant was copied")
        } catch let error as StoreCopyError {
            guard case .unexpectedValue(let table, let row, let column, let expected, let found) = error else {
                Issue.record("expected unexpectedValue, got \(error)")
                return
            }
            #expect(table == "session" && column == "created_at" && expected == .instant)
            #expect(row.hasPrefix("token_hash=") && found == "'2026-11-20 10:00:00'")
            #expect(error.description.contains("an instant like 2026-12-01T08:00:00.000Z"))
        }
        let variants = try target.pool.transaction { try $0.value("SELECT count(*) FROM variant", as: Int.self) }
        #expect(variants == 0, "the variants copied before the bad row were rolled back")
    }
}
