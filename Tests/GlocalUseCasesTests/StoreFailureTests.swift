import Foundation
import GRDB
import GlocalStore
import GlocalUseCases
import Testing

/// The store's failures in one line and one kind, never with the statement or its arguments.
struct StoreFailureTests {
    @Test func sqliteErrorsKeepTheCodeAndMessageButNotTheStatement() {
        let error = DatabaseError(
            resultCode: .SQLITE_BUSY, message: "database is locked", sql: "UPDATE variant SET text = ? WHERE id = ?",
            arguments: ["secret text", "c/p/a"])
        let failure = StoreFailure(error)
        #expect(failure.kind == .busy)
        #expect(failure.description == "SQLite error 5: database is locked")
        // GRDB's own text carries the statement; the failure never does.
        #expect("\(error)".contains("while executing"))
        #expect(!failure.description.contains("UPDATE") && !failure.description.contains("secret text"))
    }

    @Test(arguments: [
        (ResultCode.SQLITE_LOCKED, StoreFailure.Kind.busy), (.SQLITE_NOTADB, .notADatabase), (.SQLITE_CORRUPT, .notADatabase),
        (.SQLITE_CANTOPEN, .unavailable), (.SQLITE_READONLY, .unavailable), (.SQLITE_FULL, .unavailable),
        (.SQLITE_CONSTRAINT, .failed), (.SQLITE_ERROR, .failed),
    ])
    func eachSQLiteCodeHasItsKind(_ code: ResultCode, _ kind: StoreFailure.Kind) {
        #expect(StoreFailure(DatabaseError(resultCode: code, message: "m")).kind == kind)
    }

    @Test func anSQLiteErrorWithoutItsOwnMessageHasSQLitesWordingForItsCode() {
        let failure = StoreFailure(DatabaseError(resultCode: .SQLITE_IOERR))
        #expect(failure.description == "SQLite error 10: disk I/O error")
        #expect(failure.kind == .unavailable)
    }

    @Test func theStoresOwnRefusalsKeepTheirExplanation() {
        let refusal = VariantStoreError.storeChanged(events: 2, actors: ["claire@lumiere.example"])
        let failure = StoreFailure(refusal)
        #expect(failure.kind == .refused)
        #expect(failure.description == refusal.description)
        #expect(StoreFailure(failure) == failure)
    }

    @Test func aFailedStatementOfTheStoreIsBusyOnlyWhenSQLiteSaidSo() {
        func kind(_ message: String) -> StoreFailure.Kind {
            StoreFailure(VariantStoreError.statementFailed(action: "edit", variantID: "a/b/c", message: message)).kind
        }
        #expect(kind("database is locked") == .busy)
        #expect(kind("database schema is locked: main") == .busy)
        #expect(kind("SQLite error 517") == .busy)
        #expect(kind("SQLite error 6") == .busy)
        #expect(kind("SQLite error 19") == .failed)
        #expect(kind("CHECK constraint failed: json_valid(explanation)") == .failed)
        #expect(StoreFailure(VariantStoreError.variantNotFound("database is locked")).kind == .refused)
        #expect(StoreFailure(VariantStoreError.invalidTransition(variantID: "a", from: .draft, to: .published)).kind == .refused)
    }

    @Test func otherErrorsAreDescribedInOneLine() {
        struct Odd: Error, CustomStringConvertible { var description: String { "odd failure" } }
        #expect(StoreFailure(Odd()) == StoreFailure(kind: .failed, description: "odd failure"))
    }
}
