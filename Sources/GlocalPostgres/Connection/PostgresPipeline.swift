import NIOCore
import PostgresNIO

/// Statements sent on a transaction's connection without waiting for their answers, so the caller prepares
/// the next one while the server runs these (a big apply: the client encodes batch n + 1 while the server
/// inserts batch n). The connection runs them in the order sent; `wait` reports the first failure.
struct PostgresPipeline {
    let transaction: PostgresTransaction
    private var pending: [EventLoopFuture<PostgresQueryResult>] = []

    init(transaction: PostgresTransaction) {
        self.transaction = transaction
    }

    /// Whether a statement was sent and not yet waited for.
    var isEmpty: Bool { pending.isEmpty }

    /// Sends `query`; its answer is read by `wait`.
    mutating func send(_ query: PostgresQuery) {
        pending.append(transaction.connection.query(query, logger: transaction.logger))
    }

    /// Waits for every statement sent, in order; throws the first failure (a statement after a failed one
    /// fails too, as the transaction is aborted: its error says nothing new).
    mutating func wait() throws {
        let sent = pending
        pending.removeAll()
        var failure: (any Error)?
        for answer in sent {
            do {
                _ = try PostgresAnswer.wait(answer, on: transaction.connection)
            } catch {
                if failure == nil { failure = error }
            }
        }
        if let failure { throw failure }
    }
}
