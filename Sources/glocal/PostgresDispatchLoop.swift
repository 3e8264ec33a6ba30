import Foundation
import GlocalCore
import GlocalDispatch
import GlocalPostgres
import GlocalStore

/// A dispatcher node on a PostgreSQL store: rounds as `Dispatcher.run` does, but an idle node waits for
/// the queue's NOTIFY (another node or a person made work due) as well as for the next due job, so
/// nodes do not poll hard. A round that fails (the database away) is logged and tried again after the
/// poll interval: the node rides out a restart of the database.
struct PostgresDispatchLoop: Sendable {
    let dispatcher: Dispatcher
    let queue: any PublishJobQueue
    let listener: PostgresQueueListener
    /// The longest idle wait, in seconds.
    let poll: Double

    func run(shouldStop: @escaping @Sendable () -> Bool, onRound: @escaping @Sendable ([JobReport]) -> Void) async throws {
        let (listener, queue, poll) = (self.listener, self.queue, self.poll)
        while !shouldStop() {
            let reports: [JobReport]
            do {
                reports = try await dispatcher.runOnce(shouldStop: shouldStop)
            } catch {
                FileHandle.standardError.write(Data("glocal: dispatch round failed, trying again: \(error)\n".utf8))
                await Self.blocking { _ = listener.wait(upTo: poll) }
                continue
            }
            onRound(reports)
            guard reports.isEmpty, !shouldStop() else { continue }
            let wait: Double
            if let next = try? queue.nextWake() {
                let until = next.timeIntervalSinceNow
                wait = until > 0 ? min(until, poll) : poll
            } else {
                wait = poll
            }
            await Self.blocking { _ = listener.wait(upTo: wait) }
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
