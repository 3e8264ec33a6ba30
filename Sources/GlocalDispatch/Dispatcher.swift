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
    let queue: PublishQueue
    /// The client of each network.
    public let clients: [Network: any NetworkClient]
    let credentials: any CredentialSource
    let posts: OutgoingPostFactory
    let clock: @Sendable () -> Date
    let random: @Sendable () -> Double
    let resolver: OutcomeResolver

    /// Creates a dispatcher; `clock` and `random` are injected so tests control time and jitter.
    public init(
        configuration: DispatchConfiguration, queue: PublishQueue, clients: [Network: any NetworkClient],
        credentials: any CredentialSource, posts: OutgoingPostFactory, clock: @escaping @Sendable () -> Date = { Date() },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.configuration = configuration
        self.queue = queue
        self.clients = clients
        self.credentials = credentials
        self.posts = posts
        self.clock = clock
        self.random = random
        resolver = OutcomeResolver(policy: configuration.policy)
    }

    /// One round; returns what became of each job it claimed.
    public func runOnce() async throws -> [JobReport] {
        try queue.sync(now: clock(), grace: configuration.grace, policy: configuration.policy)
        try queue.rescueExpiredLeases(now: clock())
        // Two half-size batches in flight: while one waits for the networks, the other is claimed,
        // started and finished, so the store's transactions overlap the HTTP calls. At most
        // `concurrency` posts are ever in flight.
        let batchSize = max(1, configuration.concurrency / 2)
        let inFlight = configuration.concurrency >= 2 ? 2 : 1
        return try await withThrowingTaskGroup(of: [JobReport].self) { group in
            var reports: [JobReport] = []
            var running = 0
            var drained = false
            while true {
                while !drained && running < inFlight {
                    let jobs = try queue.claim(worker: configuration.worker, now: clock(), lease: configuration.lease, limit: batchSize)
                    if jobs.isEmpty {
                        drained = true
                    } else {
                        group.addTask { try await self.runHoldingLeases(jobs) }
                        running += 1
                    }
                }
                guard let finished = try await group.next() else { return reports }
                reports += finished
                running -= 1
                // A batch finished: jobs may have come back (a retry due now) or fallen due.
                drained = false
            }
        }
    }

    /// Rounds until `shouldStop` says so. After a round that found nothing it sleeps until the next
    /// job falls due (or a lease runs out), at most `pollInterval`, so a post goes out on time without
    /// a tight poll. A stop request lets the jobs in flight finish; nothing new is claimed.
    public func run(pollInterval: Duration, shouldStop: @escaping @Sendable () -> Bool, onRound: @Sendable ([JobReport]) -> Void = { _ in })
        async throws
    {
        while !shouldStop() {
            let reports = try await runOnce()
            onRound(reports)
            if reports.isEmpty && !shouldStop() { try? await Task.sleep(for: try idleWait(max: pollInterval)) }
        }
    }

    /// How long to sleep after a round that claimed nothing.
    func idleWait(max poll: Duration) throws -> Duration {
        let pollSeconds = Double(poll.components.seconds) + Double(poll.components.attoseconds) / 1e18
        guard let next = try queue.nextWake() else { return poll }
        let wait = next.timeIntervalSince(clock())
        // Due already yet not claimed: held (rate limit, pause, reconnect), so waiting a full poll is right.
        guard wait > 0 else { return poll }
        return .milliseconds(Int((min(wait, pollSeconds) * 1000).rounded(.up)))
    }

    private func runHoldingLeases(_ jobs: [PublishJob]) async throws -> [JobReport] {
        try await withThrowingTaskGroup(of: [JobReport]?.self) { group in
            group.addTask { [self] in try await runBatch(jobs) }
            group.addTask { [self] in
                // The heartbeat: renews the leases until the work above is done (then cancelled).
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(configuration.heartbeat))
                    if Task.isCancelled { break }
                    _ = try? queue.heartbeat(
                        worker: configuration.worker, jobIDs: jobs.map(\.id), now: clock(), lease: configuration.lease)
                }
                return nil
            }
            let first = try await group.next()!
            group.cancelAll()
            return first ?? []
        }
    }

    /// One claimed batch: every attempt started in one transaction (each `.send` variant is
    /// `publishing` on disk before any post leaves), the posts sent concurrently, and the outcomes
    /// written in one transaction. A crash before that last write leaves the sent posts `publishing`:
    /// the next attempt looks them up, never sends them again.
    private func runBatch(_ jobs: [PublishJob]) async throws -> [JobReport] {
        let starts = try queue.begin(jobs, worker: configuration.worker, now: clock())
        let attempts = try await withThrowingTaskGroup(of: (Int, JobReport).self) { work in
            for (index, job) in jobs.enumerated() {
                work.addTask { (index, await self.attempt(job, start: starts[index])) }
            }
            return try await work.reduce(into: [(Int, JobReport)]()) { $0.append($1) }.sorted { $0.0 < $1.0 }.map(\.1)
        }
        // Only attempts that ran are written; a deferred job was already put back by `begin`.
        var outcomes: [(job: PublishJob, resolution: JobResolution)] = []
        for (index, job) in jobs.enumerated() {
            switch starts[index] {
            case .send, .reconcile:
                if let resolution = attempts[index].resolution { outcomes.append((job, resolution)) }
            case .leaseLost, .skip, .deferred:
                break
            }
        }
        for (job, resolution) in outcomes {
            if case .retry(let at, OutcomeResolver.rateLimited, _) = resolution {
                try queue.setRateLimited(until: at, account: job.accountID, now: clock())
            }
        }
        let held = try queue.finish(outcomes, worker: configuration.worker, now: clock(), policy: configuration.policy)
        var lost = Set<Int64>()
        for (outcome, stillHeld) in zip(outcomes, held) where !stillHeld { lost.insert(outcome.job.id) }
        return zip(jobs, attempts).map { job, report in
            var report = report
            if lost.contains(job.id) { report.note = "lease lost" }
            return report
        }
    }

    /// Runs one claimed job, already started, to its resolution (not yet written).
    func attempt(_ job: PublishJob, start: PublishQueue.AttemptStart) async -> JobReport {
        var report = JobReport(variantID: job.variantID, accountID: job.accountID, network: job.network)
        let variant: StoredVariant
        var pending: PublicationReceipt?
        var reconciling = false
        switch start {
        case .leaseLost:
            report.note = "lease lost"
            return report
        case .skip(let reason):
            report.note = reason
            return report
        case .deferred(let until, let reason):
            // The queue already put the job back; the report says why and until when.
            report.resolution = .retry(at: until, reason: reason, countsAsAttempt: false)
            return report
        case .send(let sending):
            variant = sending
        case .reconcile(let unsure, let saved):
            variant = unsure
            pending = saved
            reconciling = true
        }
        let resolution = await attempt(job, variant: variant, pending: pending, reconciling: reconciling)
        report.resolution = resolution
        if case .published = resolution { report.lateness = clock().timeIntervalSince(job.slotAt) }
        return report
    }

    private func attempt(
        _ job: PublishJob, variant: StoredVariant, pending: PublicationReceipt?, reconciling: Bool
    ) async -> JobResolution {
        let now = clock()
        guard let client = clients[job.network] else {
            return .hold(reason: "no client for \(job.network.rawValue): configure a webhook for this network")
        }
        let stored: AccountCredentials?
        do { stored = try await credentials.credentials(for: job.accountID) } catch {
            return .retry(at: now.addingTimeInterval(60), reason: "credentials unreadable: \(error)", countsAsAttempt: false)
        }
        guard let credentials = stored else {
            return .hold(reason: "account not connected: run `glocal account connect \(job.accountID)`")
        }
        let post = posts.post(for: variant)
        let pendingReceipt = pending.map(OutcomeResolver.receipt)
        if reconciling {
            switch await client.lookUp(post, pending: pendingReceipt, credentials: credentials) {
            case .found(let receipt):
                return .published(OutcomeResolver.receipt(receipt))
            case .failed(let outcome):
                return resolver.resolveFailedLookUp(outcome, attempt: job.attempt, now: clock(), random: random())
            case .notFound:
                guard (try? queue.resend(job, worker: configuration.worker, now: clock())) == true else {
                    return .reconcile(at: clock(), reason: "lease lost before resending")
                }
            }
        }
        let queue = self.queue
        let worker = configuration.worker
        let outcome = await client.publish(post, credentials: credentials, pending: pendingReceipt) { receipt in
            guard try queue.savePending(OutcomeResolver.receipt(receipt), for: job, worker: worker) else {
                throw DispatchError.leaseLost
            }
        }
        if case .published(let receipt) = outcome, let until = receipt.quotaExhaustedUntil {
            // The answer says the account's quota is spent: hold it until the reset, as after a 429
            // (if this write fails, the next post takes the 429 instead).
            try? queue.setRateLimited(until: until, account: job.accountID, now: clock())
        }
        return await settle(outcome, job: job, post: post, client: client, credentials: credentials)
    }

    /// Resolves the outcomes that need one more call first: a duplicate without its post (look it
    /// up) and a refused token (try a refresh before asking a person).
    private func settle(
        _ outcome: PublishOutcome, job: PublishJob, post: OutgoingPost, client: any NetworkClient,
        credentials: AccountCredentials
    ) async -> JobResolution {
        switch outcome {
        case .duplicate(.none):
            if case .found(let receipt) = await client.lookUp(post, pending: nil, credentials: credentials) {
                return .published(OutcomeResolver.receipt(receipt))
            }
        case .reconnectRequired(let reason) where credentials.refreshToken != nil:
            switch await client.refreshCredentials(credentials) {
            case .refreshed(let fresh):
                do {
                    try await self.credentials.store(fresh, for: job.accountID)
                    return .retry(at: clock(), reason: "token refreshed", countsAsAttempt: false)
                } catch {
                    return .retry(at: clock().addingTimeInterval(60), reason: "refreshed token not stored", countsAsAttempt: true)
                }
            case .transient(let why):
                // A refresh that failed for a passing reason is not a dead token.
                return .retry(
                    at: configuration.policy.nextRun(afterAttempt: job.attempt, now: clock(), networkReset: nil, random: random()),
                    reason: "token refresh failed: \(why)", countsAsAttempt: true)
            case .reconnectRequired(let why):
                return .hold(reason: "\(reason); refresh refused: \(why)")
            }
        default:
            break
        }
        return resolver.resolve(outcome, attempt: job.attempt, now: clock(), random: random())
    }
}

/// Why the dispatcher stopped an attempt on its own.
enum DispatchError: Error {
    /// The job's lease went to another worker: nothing more may be written or sent.
    case leaseLost
}
