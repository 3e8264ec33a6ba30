import Foundation
import GlocalCore
import GlocalPostgres
import Testing

@testable import GlocalStore

/// The stores the contract suite runs on. A new implementation (PostgreSQL) adds a case here and
/// must pass the same tests.
enum StoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// SQLite in a file (a WAL pool), as `glocal` opens it.
    case sqliteFile = "SQLite file"
    /// SQLite in memory (a queue), as most tests open it.
    case sqliteMemory = "SQLite in memory"
    /// PostgreSQL, each test in a new schema of `GLOCAL_TEST_POSTGRES_URL`'s database.
    case postgres = "PostgreSQL"

    var testDescription: String { rawValue }

    /// The stores the suite runs on: PostgreSQL when a server is given (`GLOCAL_TEST_POSTGRES_URL`) or
    /// required (`GLOCAL_REQUIRE_POSTGRES=1`, set by scripts/test: then a missing server fails the tests).
    static var allCases: [StoreBackend] {
        let environment = ProcessInfo.processInfo.environment
        let postgres = environment["GLOCAL_TEST_POSTGRES_URL"] != nil || environment["GLOCAL_REQUIRE_POSTGRES"] == "1"
        return [.sqliteFile, .sqliteMemory] + (postgres ? [.postgres] : [])
    }

    /// A new, empty, migrated store of this kind, seen only through the store protocols; the dispatcher's audit
    /// events name `nodeID` if given.
    func open(nodeID: String? = nil) throws -> StoreUnderTest {
        let store: SQLiteVariantStore
        switch self {
        case .sqliteFile:
            store = try SQLiteVariantStore(
                path: try StoreFixtures.temporaryDirectory().appendingPathComponent("store.sqlite").path, nodeID: nodeID)
        case .sqliteMemory:
            store = try SQLiteVariantStore.inMemory(nodeID: nodeID)
        case .postgres:
            return try Self.openPostgres(nodeID: nodeID)
        }
        return StoreUnderTest(
            variants: store, audit: store, queue: store.publishQueue, users: UserStore(store: store, bcryptCost: 4),
            sessions: SessionStore(store: store, lifetime: 3_600), metrics: store.metrics,
            credentials: store.accountSecrets(key: try SecretKey(bytes: Data(repeating: 5, count: 32))),
            review: store, calendar: store, reports: store, notifications: store.notifications, whole: store)
    }
}

extension StoreBackend {
    struct NoPostgresServer: Error, CustomStringConvertible {
        var description: String {
            "GLOCAL_REQUIRE_POSTGRES=1 but GLOCAL_TEST_POSTGRES_URL is not set (scripts/postgres-test-server start)"
        }
    }

    static func openPostgres(nodeID: String? = nil) throws -> StoreUnderTest {
        guard let url = ProcessInfo.processInfo.environment["GLOCAL_TEST_POSTGRES_URL"] else { throw NoPostgresServer() }
        let schema = "c_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let store = try PostgresStore(location: try PostgresLocation(url: url).inSchema(schema), nodeID: nodeID, poolSize: 2)
        return StoreUnderTest(
            variants: store, audit: store, queue: store.publishQueue,
            users: PostgresUserDirectory(store: store, bcryptCost: 4),
            sessions: PostgresSessionDirectory(store: store, lifetime: 3_600), metrics: store.metrics,
            credentials: PostgresCredentialVault(store: store, key: try SecretKey(bytes: Data(repeating: 5, count: 32))),
            review: store, calendar: store, reports: store, notifications: store.notifications, whole: store)
    }
}

/// One store as the dispatcher, the server and the use cases see it: protocols only.
struct StoreUnderTest: Sendable {
    /// Planned variants and their states.
    var variants: any VariantStore
    /// The audit logs.
    var audit: any AuditTrail
    /// The publish queue and the holds.
    var queue: any PublishJobQueue
    /// The approval UI's users.
    var users: any UserDirectory
    /// Their sessions.
    var sessions: any SessionDirectory
    /// Engagement readings.
    var metrics: any EngagementMetricsStore
    /// Sealed account credentials.
    var credentials: any CredentialVault
    /// Approve, reject, edit, bulk decisions and what changed since a revision.
    var review: any VariantReviewStore
    /// The calendar's entries and moves.
    var calendar: any CalendarStore
    /// The period report's facts.
    var reports: any ReportFactsSource
    /// Notification preferences and the outbox.
    var notifications: any NotificationOutbox
    /// All of it as one store, as the server and the commands see it.
    var whole: any WorkspaceStore
}
