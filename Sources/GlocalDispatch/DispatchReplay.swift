import Foundation
import GlocalStore

/// Runs a dispatcher through simulated time: from the clock's instant up to `end`, jumping straight
/// to each moment a job falls due. Used by `glocal dispatch --until` and the demo, so weeks of a
/// campaign go out in seconds, each post at its own slot.
public struct DispatchReplay: Sendable {
    let dispatcher: Dispatcher
    let queue: any PublishJobQueue
    let clock: SimulatedClock

    /// A replay of `dispatcher`, whose clock must be `clock`.
    public init(dispatcher: Dispatcher, queue: any PublishJobQueue, clock: SimulatedClock) {
        self.dispatcher = dispatcher
        self.queue = queue
        self.clock = clock
    }

    /// Runs rounds until nothing is due before `end`, or until `shouldStop` says so between rounds (SIGTERM: the round
    /// in flight finishes, nothing new is claimed); `onStep` sees each instant before its round, `onReport` each
    /// job's report as soon as its outcome is written (as `Dispatcher.runOnce(onReport:)`).
    public func run(
        until end: Date, onStep: @Sendable (Date) async -> Void = { _ in }, onReport: (JobReport) -> Void = { _ in },
        shouldStop: @Sendable () -> Bool = { false }
    ) async throws -> [JobReport] {
        var reports = try await dispatcher.runOnce(onReport: onReport)
        while !shouldStop(), let next = try queue.nextDue(), next <= end {
            let before = clock.now
            clock.move(to: next)
            await onStep(clock.now)
            let round = try await dispatcher.runOnce(onReport: onReport)
            reports += round
            // Due now yet nothing claimable (a rate limit on the account): step past it.
            if round.isEmpty && clock.now == before { clock.advance(by: 60) }
        }
        return reports
    }
}
