import Foundation
import GlocalCore
import GlocalDispatch
import GlocalPostgres
import GlocalStore

/// A dispatcher node's rounds until it is asked to stop, for `glocal dispatch` and `glocal run`.
///
/// On SQLite (one node) it is `Dispatcher.run`, which polls. On PostgreSQL (`listener` set) an idle node
/// waits for the queue's NOTIFY (another node or a person made work due) as well as for the next due job,
/// so nodes do not poll hard. On both, a round that fails (the database away, or SQLite busy beyond its
/// timeout) is reported to `onRoundFailure` and tried again after the poll interval: the node rides it out.
public struct NodeDispatchLoop: Sendable {
    /// The dispatcher whose rounds run.
    public let dispatcher: Dispatcher
    /// The queue it claims from (for the next due job).
    public let queue: any PublishJobQueue
    /// Wakes an idle node on PostgreSQL; `nil` on SQLite.
    public let listener: PostgresQueueListener?
    /// The longest idle wait, in seconds.
    public let poll: Double

    /// A loop of `dispatcher`'s rounds on `queue`, woken by `listener` when there is one.
    public init(dispatcher: Dispatcher, queue: any PublishJobQueue, listener: PostgresQueueListener?, poll: Double) {
        self.dispatcher = dispatcher
        self.queue = queue
        self.listener = listener
        self.poll = poll
    }

    /// Runs rounds until `shouldStop`, handing each report to `onReport` as soon as its job is done with (during the
    /// round, so a round that fails later keeps what it reported) and each round's reports to `onRound` once it ended.
    public func run(
        shouldStop: @escaping @Sendable () -> Bool, onRound: @escaping @Sendable ([JobReport]) -> Void = { _ in },
        onReport: @escaping @Sendable (JobReport) -> Void = { _ in },
        onRoundFailure: @escaping @Sendable (any Error) -> Void = { _ in }
    ) async throws {
        guard let listener else {
            try await dispatcher.run(
                pollInterval: .milliseconds(Int(poll * 1000)), shouldStop: shouldStop, onRound: onRound, onReport: onReport,
                onRoundFailure: onRoundFailure)
            return
        }
        let poll = self.poll
        while !shouldStop() {
            let reports: [JobReport]
            let began = dispatcher.now
            do {
                reports = try await dispatcher.runOnce(shouldStop: shouldStop, onReport: onReport)
            } catch {
                onRoundFailure(error)
                await Self.blocking { _ = listener.wait(upTo: poll) }
                continue
            }
            onRound(reports)
            guard reports.isEmpty, !shouldStop() else { continue }
            // The store away: a full poll; a job that fell due during the round: no wait (`IdleWait`).
            let wait = (try? dispatcher.idleWait(poll: poll, roundBegan: began)) ?? poll
            if wait > 0 { await Self.blocking { _ = listener.wait(upTo: wait) } }
        }
    }

    /// Runs a blocking wait off the cooperative pool.
    private static func blocking(_ body: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                body()
                continuation.resume()
            }
        }
    }
}
