import GRDB
import GlocalStore
import Testing

@testable import GlocalServer

/// Which errors count as a busy store: SQLITE_BUSY and SQLITE_LOCKED, raw or wrapped by the store.
struct StoreBusyTests {
    @Test func busyAndLockedResultCodesAreABusyStore() {
        let busy: [ResultCode] = [
            .SQLITE_BUSY, .SQLITE_BUSY_RECOVERY, .SQLITE_BUSY_SNAPSHOT, .SQLITE_BUSY_TIMEOUT, .SQLITE_LOCKED,
            .SQLITE_LOCKED_SHAREDCACHE,
        ]
        for code in busy {
            #expect(StoreBusy.isBusy(DatabaseError(resultCode: code)), "\(code)")
        }
        for code in [ResultCode.SQLITE_CONSTRAINT, .SQLITE_CORRUPT, .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_FULL] {
            #expect(!StoreBusy.isBusy(DatabaseError(resultCode: code)), "\(code)")
        }
    }

    @Test func theStoresWrappingOfABusyErrorIsRecognisedByItsMessage() {
        let wrapped = { (message: String) in
            VariantStoreError.statementFailed(action: "edit", variantID: "a/b/c", message: message)
        }
        #expect(StoreBusy.isBusy(wrapped("database is locked")))
        #expect(StoreBusy.isBusy(wrapped("database table is locked: variant")))
        #expect(StoreBusy.isBusy(wrapped("SQLite error 5")))
        #expect(StoreBusy.isBusy(wrapped("SQLite error 517")))
        #expect(!StoreBusy.isBusy(wrapped("SQLite error 19")))
        #expect(!StoreBusy.isBusy(wrapped("CHECK constraint failed: json_valid(explanation)")))
        #expect(!StoreBusy.isBusy(VariantStoreError.variantNotFound("database is locked")))
    }
}
