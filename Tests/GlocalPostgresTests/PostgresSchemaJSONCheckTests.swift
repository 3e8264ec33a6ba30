import Foundation
import PostgresNIO
import Testing

@testable import GlocalPostgres

/// Every JSON column refuses text that is not JSON and JSON of another type, on a new store and on a store
/// migrated from a version before V9 (whose check function opened a subtransaction per value), and the
/// check is inlined into the statement rather than called per row.
@Suite(.postgres)
struct PostgresSchemaJSONCheckTests {
    /// One JSON column and an insert that puts a value into it (its other values valid).
    struct Column: CustomStringConvertible, Sendable {
        var name: String
        var constraint: String
        var type: String
        var insert: @Sendable (String) -> PostgresQuery
        var description: String { name }
    }

    static let variantID = "hydra-launch/teaser/lumiere-fr-x"

    static let columns: [Column] = [
        Column(name: "variant.media", constraint: "variant_media_check", type: "array") {
            """
            INSERT INTO variant (id, campaign_id, post_id, account_id, network, locale, kind, text, link_placement, media,
                content_hash, time_zone, live, state, explanation, created_at, updated_at)
            VALUES ('a/b/c', 'a', 'b', 'c', 'x', 'fr', 'promotional', 't', 'inline', \($0), 'h', 'UTC', true, 'draft', '[]',
                now(), now())
            """
        },
        Column(name: "variant.explanation", constraint: "variant_explanation_check", type: "array") {
            """
            INSERT INTO variant (id, campaign_id, post_id, account_id, network, locale, kind, text, link_placement, media,
                content_hash, time_zone, live, state, explanation, created_at, updated_at)
            VALUES ('a/b/c', 'a', 'b', 'c', 'x', 'fr', 'promotional', 't', 'inline', '[]', 'h', 'UTC', true, 'draft', \($0),
                now(), now())
            """
        },
        Column(name: "audit_event.before", constraint: "audit_event_before_check", type: "object") {
            """
            INSERT INTO audit_event (at, actor, variant_id, action, before, after)
            VALUES (now(), 'test', \(variantID), 'update', \($0), '{}')
            """
        },
        Column(name: "audit_event.after", constraint: "audit_event_after_check", type: "object") {
            "INSERT INTO audit_event (at, actor, variant_id, action, after) VALUES (now(), 'test', \(variantID), 'create', \($0))"
        },
        Column(name: "publication.pending", constraint: "publication_pending_check", type: "object") {
            "INSERT INTO publication (variant_id, pending, extra) VALUES (\(variantID), \($0), '{}')"
        },
        Column(name: "publication.extra", constraint: "publication_extra_check", type: "object") {
            "INSERT INTO publication (variant_id, extra) VALUES (\(variantID), \($0))"
        },
        Column(name: "metric_sample.counters", constraint: "metric_sample_counters_check", type: "object") {
            """
            INSERT INTO metric_sample (variant_id, checkpoint, fetched_at, counters, engagement)
            VALUES (\(variantID), 1, now(), \($0), 0)
            """
        },
    ]

    /// The versions a database may be at when this code first opens it (V10 and V11 shipped before V9).
    static let oldVersions = [V8DispatcherNodes.identifier, V11VariantNetworksPinterestGoogleBusiness.identifier]

    @Test(arguments: columns)
    func aNewStoreRefusesTextThatIsNotJSONAndJSONOfAnotherType(_ column: Column) throws {
        let store = try PostgresTestServer.freshStore()
        try Self.insertVariant(store.pool)
        try Self.expectRefusals(column, pool: store.pool)
    }

    @Test(arguments: oldVersions)
    func anOldStoreMigratesAndItsChecksStillRefuseBadJSON(_ version: String) throws {
        let location = try PostgresTestServer.freshLocation()
        let old = try Self.migratedPool(location, through: version)
        defer { old.close() }
        try Self.insertVariant(old)
        // Before V9 the check function turned bad JSON into 'invalid', which the CHECK refused.
        let before = try Self.refusal(Self.columns[0].insert("not json"), pool: old)
        #expect(before?.sqlState == "23514")

        let store = try PostgresStore(location: location)
        let applied = try store.pool.transaction {
            try $0.rows("SELECT identifier FROM glocal_migration").map { try $0[0].decode(String.self) }
        }
        #expect(Set(applied) == Set(PostgresMigrations.all.map { $0.identifier }))
        #expect(try store.variant(Self.variantID)?.media == ["a.jpg"], "the row written before the migration is kept")
        for column in Self.columns { try Self.expectRefusals(column, pool: store.pool) }
        #expect(try Self.checkPlan(store.pool).contains("json_typeof"))
    }

    @Test func theCheckIsInlinedNotCalledPerRow() throws {
        let store = try PostgresTestServer.freshStore()
        let plan = try Self.checkPlan(store.pool)
        #expect(plan.contains("json_typeof((media)::json)"), "\(plan)")
        #expect(!plan.contains("glocal_json_type"), "\(plan)")
    }

    /// The server's plan of the CHECK's expression: an inlined SQL function shows as its body.
    static func checkPlan(_ pool: PostgresConnectionPool) throws -> String {
        try pool.transaction { transaction in
            try transaction.rows("EXPLAIN VERBOSE SELECT glocal_json_type(media) = 'array' FROM variant")
                .map { try $0[0].decode(String.self) }.joined(separator: "\n")
        }
    }

    static func expectRefusals(_ column: Column, pool: PostgresConnectionPool) throws {
        let notJSON = try refusal(column.insert("{\"a\": "), pool: pool)
        #expect(notJSON?.sqlState == "22P02", "\(column)")
        #expect(notJSON?.message == "invalid input syntax for type json", "\(column)")
        let wrongType = column.type == "array" ? "{\"a\": [1]}" : "[{\"a\": 1}]"
        let otherType = try refusal(column.insert(wrongType), pool: pool)
        #expect(otherType?.sqlState == "23514", "\(column)")
        let table = column.name.prefix { $0 != "." }
        #expect(
            otherType?.message == "new row for relation \"\(table)\" violates check constraint \"\(column.constraint)\"",
            "\(column)")
        let scalar = try refusal(column.insert("\"\(column.type)\""), pool: pool)
        #expect(scalar?.sqlState == "23514", "a JSON string naming the type is not that type: \(column)")
        let good = column.type == "array" ? "[\"a.jpg\", {\"b\": null}]" : "{\"a\": [1, null]}"
        #expect(try refusal(column.insert(good), pool: pool) == nil, "\(column) takes \(good)")
    }

    /// The error `query` fails with in a transaction of its own (rolled back), or nil when it succeeds
    /// (then rolled back too, so every query starts from the same rows).
    static func refusal(_ query: PostgresQuery, pool: PostgresConnectionPool) throws -> PostgresStoreError? {
        struct Undo: Error {}
        do {
            try pool.transaction { transaction in
                _ = try transaction.execute(query)
                throw Undo()
            }
        } catch let error as PostgresStoreError {
            return error
        } catch is Undo {
            return nil
        }
        return nil
    }

    /// A pool on `location`'s schema (created) migrated through the migration named `version`, V9 left out.
    static func migratedPool(_ location: PostgresLocation, through version: String) throws -> PostgresConnectionPool {
        var server = location
        server.schema = nil
        let bootstrap = PostgresConnectionPool(location: server, size: 1)
        defer { bootstrap.close() }
        try bootstrap.execute(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(PostgresLocation.quoted(location.schema ?? ""))"))
        let all = PostgresMigrations.all
        let end = try #require(all.firstIndex { $0.identifier == version })
        let old = all[...end].filter { $0.identifier != V9JSONChecksWithoutSubtransactions.identifier }
        let pool = PostgresConnectionPool(location: location, size: 1)
        try PostgresMigrations.migrate(pool, migrations: Array(old))
        return pool
    }

    static func insertVariant(_ pool: PostgresConnectionPool) throws {
        try pool.transaction { transaction in
            _ = try transaction.execute(
                """
                INSERT INTO variant (id, campaign_id, post_id, account_id, network, locale, kind, text, link_placement,
                    media, content_hash, time_zone, live, state, explanation, created_at, updated_at, scheduled_at)
                VALUES (\(variantID), 'hydra-launch', 'teaser', 'lumiere-fr-x', 'x', 'fr-FR', 'promotional', 'Bonjour',
                    'inline', '["a.jpg"]', 'h1', 'Europe/Paris', false, 'pending_approval', '[]', now(), now(), now())
                """)
        }
    }
}
