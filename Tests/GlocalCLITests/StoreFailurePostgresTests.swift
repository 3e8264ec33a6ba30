import GlocalPostgres
import GlocalUseCases
import Testing

/// PostgreSQL's failures as the use cases and the web UI tell them apart: a server that cannot be reached is
/// `unavailable` (the web UI's 503 *The database is not reachable*), a COMMIT whose answer was lost `outcomeUnknown`,
/// a deadlock that outlived the retries `busy`, a constraint the store's own refusal or any other `failed`.
struct StoreFailurePostgresTests {
    @Test func eachPostgreSQLFailureHasItsKind() {
        let cases: [(PostgresStoreError, StoreFailure.Kind)] = [
            (
                PostgresStoreError(sqlState: "connection", message: "cannot connect to 127.0.0.1:5432: connection refused"),
                .unavailable
            ),
            (PostgresStoreError(sqlState: "08006", message: "connection failure"), .unavailable),
            (PostgresStoreError(sqlState: "57P01", message: "terminating connection due to administrator command"), .unavailable),
            (PostgresStoreError(sqlState: "57P03", message: "the database system is starting up"), .unavailable),
            (PostgresStoreError(sqlState: "53300", message: "too many clients already"), .unavailable),
            (PostgresStoreError(sqlState: "connection", message: "closed", commitOutcomeUnknown: true), .outcomeUnknown),
            (PostgresStoreError(sqlState: "40P01", message: "deadlock detected"), .busy),
            (PostgresStoreError(sqlState: "23514", message: "new row violates check constraint"), .failed),
        ]
        for (error, kind) in cases {
            let failure = StoreFailure(error)
            #expect(failure.kind == kind, "\(error)")
            #expect(failure.description == error.description)
        }
    }
}
