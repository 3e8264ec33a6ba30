import GRDB

extension DatabaseWriter {
    /// Runs `body` in one IMMEDIATE transaction: the write lock is taken up front, so two processes
    /// sharing the file (two dispatchers, a collector) never both read and then both write.
    func immediateTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }
}
