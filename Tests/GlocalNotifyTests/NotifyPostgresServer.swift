import Foundation
import GlocalPostgres
import Testing

/// The PostgreSQL server of the notifier's PostgreSQL tests, as GlocalPostgresTests' `PostgresTestServer`:
/// `GLOCAL_TEST_POSTGRES_URL` (scripts/postgres-test-server starts one); without it the tests are left
/// out, unless `GLOCAL_REQUIRE_POSTGRES=1`: then they run and fail, saying why.
enum NotifyPostgresServer {
    static let url = ProcessInfo.processInfo.environment["GLOCAL_TEST_POSTGRES_URL"]

    /// Whether the PostgreSQL tests run.
    static var enabled: Bool { url != nil || ProcessInfo.processInfo.environment["GLOCAL_REQUIRE_POSTGRES"] == "1" }

    /// The server, in a new schema of its own.
    static func freshLocation() throws -> PostgresLocation {
        let url = try #require(url, "GLOCAL_REQUIRE_POSTGRES=1 but GLOCAL_TEST_POSTGRES_URL is not set")
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return try PostgresLocation(url: url).inSchema(schema)
    }
}
