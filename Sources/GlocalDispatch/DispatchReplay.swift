import Foundation
import GlocalStore

/// Runs a dispatcher through simulated time: from the clock's instant up to `end`, jumping straight
/// to each moment a job falls due. Used by `glocal dispatch --until` and the demo, so weeks of a
/// campaign go out in seconds, each post at its own slot. With a metrics collector (the demo), the clock
/// also stops at each moment a reading falls due, so every post is read at its own checkpoints (+1 h, +24 h,
/// +7 d after it went out), not all at once at the end.
public struct DispatchReplay: Sendable {
    let dispatcher: Dispatcher
    let queue: any PublishJobQueue
    let clock: SimulatedClock
    let collector: MetricsCollector?

    /// A replay of `dispatcher`, whose clock must be `clock`; `collector`, if given, must read `clock` too.
    public init(dispatcher: Dispatcher, queue: any PublishJobQueue, clock: SimulatedClock, collector: MetricsCollector? = nil) {
        self.dispatcher = dispatcher
        self.queue = queue
        self.clock = clock
        self.collector = collector
    }

    /// Runs rounds until nothing is due before `end` (nor, with a collector, any reading before `readingsUntil`,
    /// `end` when absent), or until `shouldStop` says so between rounds (SIGTERM: the round in flight finishes,
    /// nothing new is claimed); `onStep` sees each instant before its round (the first one too), `onReport` each job's report as soon
    /// as its outcome is written (as `Dispatcher.runOnce(onReport:)`), `onReading` each reading the collector took
    /// or tried.
    public func run(
        until end: Date, readingsUntil: Date? = nil, onStep: @Sendable (Date) async -> Void = { _ in },
        onReport: (JobReport) -> Void = { _ in }, onReading: (MetricsCollector.Reading) -> Void = { _ in },
        shouldStop: @Sendable () -> Bool = { false }
    ) async throws -> [JobReport] {
        let readingsEnd = readingsUntil ?? end
        // The sandbox's clock is set before the first round too, so its first posts carry the replay's time.
        await onStep(clock.now)
        var reports = try await dispatcher.runOnce(onReport: onReport)
        _ = try await read(planning: true, onReading)
        while !shouldStop() {
            let publishing = try queue.nextDue().flatMap { $0 <= end ? $0 : nil }
            let reading = try collector?.nextDue().flatMap { $0 <= readingsEnd ? $0 : nil }
            guard let next = [publishing, reading].compactMap({ $0 }).min() else { break }
            let before = clock.now
            clock.move(to: next)
            await onStep(clock.now)
            var progressed = false
            if let publishing, publishing <= clock.now {
                let round = try await dispatcher.runOnce(onReport: onReport)
                reports += round
                progressed = !round.isEmpty
            }
            // Readings of what a round just sent are planned now (only then: planning scans every publication); those
            // due are taken.
            if try await read(planning: progressed, onReading) { progressed = true }
            // Due now yet nothing claimable (a rate limit on the account): step past it.
            if !progressed && clock.now == before { clock.advance(by: 60) }
        }
        return reports
    }

    /// One collector round, if there is a collector (`planning` the readings of newly published posts first);
    /// whether it took or tried any reading.
    private func read(planning: Bool, _ onReading: (MetricsCollector.Reading) -> Void) async throws -> Bool {
        guard let collector else { return false }
        let readings = try await collector.runOnce(planning: planning)
        readings.forEach(onReading)
        return !readings.isEmpty
    }
}
