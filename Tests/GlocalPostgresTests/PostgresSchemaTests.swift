import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO
import Testing

@testable import GlocalPostgres

/// The schema holds whatever code writes: migrations, constraints, the append-only audit.
@Suite(.postgres)
struct PostgresSchemaTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    func variant(_ post: String = "teaser", state: VariantState = .pendingApproval) -> StoredVariant {
        StoredVariant(
            id: "hydra-launch/\(post)/lumiere-fr-x", campaignID: "hydra-launch", postID: post, accountID: "lumiere-fr-x",
            network: .x, locale: "fr-FR", kind: .promotional, text: "Bonjour", title: nil, link: nil, linkPlacement: .inline,
            media: ["a.jpg"], contentHash: "h1", scheduledAt: Self.now.addingTimeInterval(3_600), localTime: "09:00",
            timeZone: "Europe/Paris", live: false, state: state, explanation: [ScheduleReason("slot", "the only slot")])
    }

    @Test func migratingAgainChangesNothingAndSeveralNodesMayStartAtOnce() throws {
        let location = try PostgresTestServer.freshLocation()
        let stores = try (0..<3).map { _ in try PostgresStore(location: location) }
        for store in stores { #expect(try store.allVariants().isEmpty) }
        let count = try stores[0].pool.transaction { try $0.value("SELECT count(*) FROM glocal_migration", as: Int.self) }
        #expect(count == PostgresMigrations.all.count)
    }

    @Test func theAuditIsAppendOnlyInTheDatabase() throws {
        let store = try PostgresTestServer.freshStore()
        let teaser = variant()
        try store.apply(
            Plan(changes: [
                PlanChange(action: .create, id: teaser.id, desired: teaser, stored: nil, contentChanged: true, timeChanged: true)
            ]), actor: "test", now: Self.now)
        #expect(try store.auditEvents(variant: teaser.id).count == 1)
        for statement: PostgresQuery in [
            "UPDATE audit_event SET actor = 'mallory'", "DELETE FROM audit_event", "TRUNCATE audit_event",
        ] {
            do {
                _ = try store.pool.transaction { try $0.execute(statement) }
                Issue.record("the audit accepted \(statement.sql)")
            } catch let error as PostgresStoreError {
                #expect(error.message == "audit_event is append-only", "\(statement.sql)")
            }
        }
        #expect(try store.auditEvents(variant: teaser.id).map(\.actor) == ["test"])
    }

    @Test func constraintsRefuseWhatSQLiteRefuses() throws {
        let store = try PostgresTestServer.freshStore()
        let refused: [(PostgresQuery, String)] = [
            (
                """
                INSERT INTO variant (id, campaign_id, post_id, account_id, network, locale, kind, text, link_placement, media,
                    content_hash, time_zone, live, state, explanation, created_at, updated_at)
                VALUES ('a/b/c', 'a', 'b', 'c', 'myspace', 'fr', 'promotional', 't', 'inline', '[]', 'h', 'UTC', true,
                    'draft', '[]', now(), now())
                """, "23514"
            ),
            (
                """
                INSERT INTO variant (id, campaign_id, post_id, account_id, network, locale, kind, text, link_placement, media,
                    content_hash, time_zone, live, state, explanation, created_at, updated_at)
                VALUES ('a/b/c', 'a', 'b', 'c', 'x', 'fr', 'promotional', 't', 'inline', 'not json', 'h', 'UTC', true,
                    'draft', '[]', now(), now())
                """, "22P02"
            ),
            (
                """
                INSERT INTO variant (id, campaign_id, post_id, account_id, network, locale, kind, text, link_placement, media,
                    content_hash, time_zone, live, state, explanation, created_at, updated_at)
                VALUES ('a/b/c', 'a', 'b', 'c', 'x', 'fr', 'promotional', 't', 'inline', '{"a": 1}', 'h', 'UTC', true,
                    'draft', '[]', now(), now())
                """, "23514"
            ),
            (
                """
                INSERT INTO publish_job (variant_id, account_id, network, state, run_at, slot_at, attempt, max_attempts,
                    created_at, updated_at)
                VALUES ('no/such/variant', 'c', 'x', 'scheduled', now(), now(), 0, 5, now(), now())
                """, "23503"
            ),
        ]
        for (statement, state) in refused {
            do {
                _ = try store.pool.transaction { try $0.execute(statement) }
                Issue.record("accepted: \(statement.sql)")
            } catch let error as PostgresStoreError {
                #expect(error.sqlState == state, "\(error)")
            }
        }
    }

    @Test func aFailedStatementNamesTheVariantButNoArgument() throws {
        let store = try PostgresTestServer.freshStore()
        var secret = variant()
        secret.text = "a secret launch text"
        secret.explanation = []
        let plan = Plan(changes: [
            PlanChange(action: .create, id: secret.id, desired: secret, stored: nil, contentChanged: true, timeChanged: true)
        ])
        try store.apply(plan, actor: "test", now: Self.now)
        do {
            try store.apply(plan, actor: "test", now: Self.now)
            Issue.record("a duplicate variant was created")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("duplicate key"))
            #expect(!message.contains("a secret launch text"))
        }
    }
}
