import Foundation
import GlocalCore
import GlocalNetworks
import GlocalStore

/// Publishes approved variants when due, at most once each.
///
/// Each round: bring jobs in line with variants (`sync`), hand back expired leases, claim the due
/// jobs, and run them `concurrency` at a time while a heartbeat renews their leases. Before any byte
/// goes out the variant is committed as `publishing`; an attempt that may have gone out leaves it
/// `unknown`, and the next attempt looks the post up before sending anything. Every write is guarded
/// by the lease, so a worker that lost its job (hung, rescued) cannot overwrite the next one's work.
public final class Dispatcher: Sendable {
    let configuration: DispatchConfiguration
    let queue: any PublishJobQueue
    /// The client of each network.
    public let clients: [Network: any NetworkClient]
    let credentials: any CredentialSource
    let posts: OutgoingPostFactory
    let clock: @Sendable () -> Date
    let random: @Sendable () -> Double
    let resolver: OutcomeResolver
    let lane = StoreLane()
    /// One refresh per account at a time, shared with `glocal run`'s token keeper.
    let refreshGate: AccountRefreshGate
    /// Told of every attempt that reached a network (the service's one log line per publish attempt).
    let onAttempt: @Sendable (PublishAttempt) -> Void

    /// Creates a dispatcher; `clock` and `random` are injected so tests control time and jitter.
    public init(
        configuration: DispatchConfiguration, queue: any PublishJobQueue, clients: [Network: any NetworkClient],
        credentials: any CredentialSource, posts: OutgoingPostFactory, clock: @escaping @Sendable () -> Date = { Date() },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        onAttempt: @escaping @Sendable (PublishAttempt) -> Void = { _ in }, refreshGate: AccountRefreshGate = .shared
    ) {
        self.refreshGate = refreshGate
        self.onAttempt = onAttempt
        self.configuration = configuration
        self.queue = queue
        self.clients = clients
        self.credentials = credentials
        self.posts = posts
        self.clock = clock
        self.random = random
        resolver = OutcomeResolver(policy: configuration.policy)
    }

    /// What a round waits for: an attempt that finished, or a store step that was written.
    private enum RoundEvent: Sendable {
        case attempted(PublishJob, PublishQueue.AttemptStart, JobReport)
        case stepped(settled: [RoundLedger.Waiting], step: PublishQueue.Step, claimed: Bool)
    }

    /// One round; returns what became of each job it claimed. Once `shouldStop` says so nothing more
    /// is claimed: the jobs claimed already go out and their outcomes are written.
    ///
    /// The store is written in steps, each one transaction (``PublishQueue/settleAndClaim``): the
    /// outcomes that came in since the last step, then a claim of due jobs, started at once. Steps
    /// run one at a time beside the HTTP work, on the store's own thread (``StoreLane``), and claim
    /// half of `concurrency` ahead, so a sender that frees up finds a started job ready instead of
    /// waiting for the disk. Outcomes wait for half of `concurrency` others (or for the end of the
    /// round), so a sync to disk serves several posts. At most `concurrency` posts are in flight.
    ///
    /// `onReport` hears of each report as soon as the job is done with (its outcome written), during the round: a round
    /// lasts as long as jobs keep falling due, and one that fails midway returns none of its reports.
    public func runOnce(
        shouldStop: @escaping @Sendable () -> Bool = { false }, onReport: (JobReport) -> Void = { _ in }
    ) async throws -> [JobReport] {
        let (queue, configuration, clock) = (self.queue, self.configuration, self.clock)
        try await lane.run {
            _ = try queue.sync(now: clock(), grace: configuration.grace, policy: configuration.policy)
            try Self.rescueExpiredLeases(queue, worker: configuration.worker, now: clock())
        }
        let leases = HeldLeases()
        let heartbeat = Task { await self.renew(leases) }
        defer { heartbeat.cancel() }
        let capacity = configuration.concurrency
        let batch = max(1, capacity / 2)
        var ledger = RoundLedger()
        let credentials = RoundCredentials(self.credentials)
        try await withThrowingTaskGroup(of: RoundEvent.self) { group in
            var running = 0
            var ready: [PublishQueue.StartedJob] = []
            var stepping = false
            var drained = false
            while true {
                while running < capacity, !ready.isEmpty {
                    let item = ready.removeFirst()
                    running += 1
                    group.addTask {
                        .attempted(
                            item.job, item.start, await self.attempt(item.job, start: item.start, credentials: credentials))
                    }
                }
                if !stepping {
                    let stopping = shouldStop()
                    let idle = running == 0 && ready.isEmpty
                    let room = capacity + batch - running - ready.count
                    let claiming = !drained && !stopping && room >= batch
                    let writing = !ledger.waiting.isEmpty && (ledger.waiting.count >= batch || idle || drained || stopping)
                    if claiming || writing {
                        let settled = ledger.takeWaiting()
                        let outcomes = settled.map { (job: $0.job, resolution: $0.resolution) }
                        let limits = RoundLedger.rateLimits(of: settled)
                        let limit = claiming ? room : 0
                        stepping = true
                        group.addTask { [lane] in
                            // If this throws nothing of it was written: the variants sent stay
                            // `publishing`, their leases run out and the rescuer hands them back to be
                            // looked up.
                            let step = try await lane.run {
                                try queue.settleAndClaim(
                                    outcomes, rateLimits: limits, worker: configuration.worker, now: clock(),
                                    policy: configuration.policy, lease: configuration.lease, limit: limit,
                                    caps: PublishingCap.caps(for:))
                            }
                            return .stepped(settled: settled, step: step, claimed: claiming)
                        }
                    } else if idle {
                        break
                    }
                }
                guard let event = try await group.next() else { break }
                let reported = ledger.reports.count
                switch event {
                case .attempted(let job, let start, let report):
                    running -= 1
                    if !ledger.add(job, start: start, report: report) { leases.remove([job.id]) }
                    // A sender is free; jobs may have fallen due meanwhile.
                    drained = false
                case .stepped(let settled, let step, let claimed):
                    stepping = false
                    ledger.written(settled, held: step.held)
                    leases.remove(settled.map(\.job.id))
                    leases.add(step.started.map(\.job.id))
                    ready += step.started
                    if claimed && step.started.isEmpty { drained = true }
                    // An outcome written without a claim after it may be a retry due now: look again.
                    if !claimed && !settled.isEmpty { drained = false }
                }
                ledger.reports[reported...].forEach(onReport)
            }
        }
        return ledger.reports
    }

    /// Hands back the expired jobs whose holder is gone (``LeaseRescueRule``): a holder that still holds its liveness
    /// lock keeps its jobs however far its clock is from this node's, so a post it is sending is never sent twice.
    /// Rounds do not overlap, so none of this node's own jobs is in flight here: an expired job it holds is one a
    /// previous incarnation with the same id left (or whose write failed), and it takes it back.
    static func rescueExpiredLeases(_ queue: any PublishJobQueue, worker: String, now: Date) throws {
        let holders = try queue.expiredLeaseHolders(now: now)
        guard !holders.isEmpty else { return }
        let liveness = queue.nodeLiveness
        var alive: [String: Bool] = [:]
        for holder in holders where holder != worker { alive[holder] = try liveness.isAlive(holder) }
        _ = try queue.rescueExpiredLeases(now: now, maxRescues: RescuePolicy.standard.maxRescues) { holder, _ in
            // A holder that took a job since the look (not judged) is spared: it was alive a moment ago.
            LeaseRescueRule.decide(
                leaseExpired: true, holderAlive: alive[holder] ?? (holder != worker), holderIsMe: holder == worker,
                inFlight: false) == .rescue
        }
    }

    /// Rounds until `shouldStop` says so. After a round that found nothing it sleeps until the next
    /// job falls due (or a lease runs out), at most `pollInterval`, so a post goes out on time without
    /// a tight poll. A stop request lets the jobs in flight finish; nothing new is claimed. A round that
    /// fails (the store busy or away) ends the rounds with its error, unless `onRoundFailure` is given: then
    /// it is told, and the round is tried again after `pollInterval`.
    public func run(
        pollInterval: Duration, shouldStop: @escaping @Sendable () -> Bool, onRound: @Sendable ([JobReport]) -> Void = { _ in },
        onReport: (JobReport) -> Void = { _ in }, onRoundFailure: (@Sendable (any Error) -> Void)? = nil
    )
        async throws
    {
        while !shouldStop() {
            let reports: [JobReport]
            let began = clock()
            do {
                reports = try await runOnce(shouldStop: shouldStop, onReport: onReport)
            } catch {
                guard let onRoundFailure else { throw error }
                onRoundFailure(error)
                if !shouldStop() { try? await Task.sleep(for: pollInterval) }
                continue
            }
            onRound(reports)
            guard reports.isEmpty && !shouldStop() else { continue }
            let pollSeconds = Double(pollInterval.components.seconds) + Double(pollInterval.components.attoseconds) / 1e18
            let wait = try idleWait(poll: pollSeconds, roundBegan: began)
            if wait > 0 { try? await Task.sleep(for: .milliseconds(Int((wait * 1000).rounded(.up)))) }
        }
    }

    /// The instant on the dispatcher's clock (a round's beginning, for ``idleWait(poll:roundBegan:)``).
    public var now: Date { clock() }

    /// Seconds to sleep after a round that began at `roundBegan` and started nothing (`IdleWait`): until the queue's
    /// next wake-up, at most `poll`; 0 when a job fell due while the round ran, after its claims had looked.
    public func idleWait(poll: TimeInterval, roundBegan: Date) throws -> TimeInterval {
        IdleWait.seconds(nextWake: try queue.nextWake(), roundBegan: roundBegan, now: clock(), poll: poll)
    }

    /// The heartbeat: renews the leases held until cancelled at the end of the round.
    private func renew(_ leases: HeldLeases) async {
        let (queue, configuration, clock) = (self.queue, self.configuration, self.clock)
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(configuration.heartbeat))
            let held = leases.current
            if Task.isCancelled { break }
            guard !held.isEmpty else { continue }
            _ = try? await lane.run {
                try queue.heartbeat(worker: configuration.worker, jobIDs: held, now: clock(), lease: configuration.lease)
            }
        }
    }
}
