import Foundation
import GlocalPostgres
import Testing

/// The PostgreSQL server the tests use: `GLOCAL_TEST_POSTGRES_URL` (scripts/postgres-test-server starts
/// one). Without it these tests are left out of a `swift test --filter` run, unless
/// `GLOCAL_REQUIRE_POSTGRES=1` (set by scripts/test): then they run and fail, saying why.
enum PostgresTestServer {
    static let url = ProcessInfo.processInfo.environment["GLOCAL_TEST_POSTGRES_URL"]
    static let required = ProcessInfo.processInfo.environment["GLOCAL_REQUIRE_POSTGRES"] == "1"

    /// Whether the PostgreSQL tests run.
    static var enabled: Bool { url != nil || required }

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "GLOCAL_REQUIRE_POSTGRES=1 but GLOCAL_TEST_POSTGRES_URL is not set: start a server with"
                + " `eval \"$(scripts/postgres-test-server start)\"` (scripts/test does)"
        }
    }

    /// The server, in a new schema of its own (each test starts from an empty database).
    static func freshLocation() throws -> PostgresLocation {
        guard let url else { throw Missing() }
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return try PostgresLocation(url: url).inSchema(schema)
    }

    /// A new, empty, migrated store in a schema of its own.
    static func freshStore(nodeID: String? = nil) throws -> PostgresStore {
        try PostgresStore(location: try freshLocation(), nodeID: nodeID)
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test when a PostgreSQL server is given, or when one is required (then it fails without one).
    static var postgres: Self {
        .enabled(
            if: PostgresTestServer.enabled,
            "no PostgreSQL server: set GLOCAL_TEST_POSTGRES_URL (scripts/postgres-test-server start)")
    }
}
