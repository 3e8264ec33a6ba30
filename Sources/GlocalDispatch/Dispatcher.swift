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

    /// Runs one claimed job, already started, to its resolution (not yet written).
    func attempt(_ job: PublishJob, start: PublishQueue.AttemptStart, credentials: RoundCredentials) async -> JobReport {
        var report = JobReport(variantID: job.variantID, accountID: job.accountID, network: job.network)
        let variant: StoredVariant
        var pending: PublishReceipt?
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
        let started = ContinuousClock.now
        let resolution = await attempt(
            job, variant: variant, pending: pending, reconciling: reconciling, credentials: credentials)
        report.resolution = resolution
        // What the store will make of it (the same table): the attempt that spends the last one is a failure.
        report.settlement = JobSettlement.settling(
            resolution, attempt: job.attempt, runAt: job.runAt, policy: configuration.policy)
        let elapsed = ContinuousClock.now - started
        onAttempt(
            PublishAttempt(
                report, reconciled: reconciling,
                seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        if case .published(let receipt) = resolution {
            // A post a look-up found went out when the network says it did, where it says so.
            report.lateness = (receipt.createdAt ?? clock()).timeIntervalSince(job.slotAt)
        } else {
            credentials.forget(job.accountID)
        }
        return report
    }

    private func attempt(
        _ job: PublishJob, variant: StoredVariant, pending: PublishReceipt?, reconciling: Bool,
        credentials source: RoundCredentials
    ) async -> JobResolution {
        let now = clock()
        guard let client = clients[job.network] else {
            return .hold(reason: "no client for \(job.network.rawValue): configure a webhook for this network")
        }
        let stored: AccountCredentials?
        do { stored = try await source.credentials(for: job.accountID) } catch let failure as AccountSecrets.Failure {
            // This node's key opens other accounts' credentials (it was checked at start), not these: they are lost to
            // it, and a retry a minute apart would only fill the audit log. A reconnect seals them again.
            return .hold(reason: "credentials unreadable: \(failure): reconnect the account")
        } catch {
            return .retry(at: now.addingTimeInterval(60), reason: "credentials unreadable: \(error)", countsAsAttempt: false)
        }
        guard let current = stored else {
            return .hold(reason: "account not connected: run `glocal account connect \(job.accountID)`")
        }
        let credentials: AccountCredentials
        switch await renewedIfExpiring(current, client: client, accountID: job.accountID, source: source, attempt: job.attempt) {
        case .success(let usable): credentials = usable
        case .failure(let stop): return stop.resolution
        }
        let post = posts.post(for: variant)
        if reconciling {
            switch await client.lookUp(post, pending: pending, credentials: credentials) {
            case .found(let receipt):
                return .published(receipt)
            case .failed(let outcome):
                return resolver.resolveFailedLookUp(
                    outcome, on: job.network, attempt: job.attempt, now: clock(), random: random())
            case .notFound:
                let (queue, worker, clock) = (self.queue, configuration.worker, self.clock)
                guard (try? await lane.run({ try queue.resend(job, worker: worker, now: clock()) })) == true else {
                    return .reconcile(at: clock(), reason: "lease lost before resending")
                }
            }
        }
        let (queue, lane, worker) = (self.queue, self.lane, configuration.worker)
        let outcome = await client.publish(post, credentials: credentials, pending: pending) { receipt in
            guard try await lane.run({ try queue.savePending(receipt, for: job, worker: worker) }) else {
                throw DispatchError.leaseLost
            }
        }
        return await settle(outcome, job: job, post: post, client: client, credentials: credentials)
    }

    /// How long before its expiry a token is refreshed, before it is used.
    public static let refreshMargin: TimeInterval = 300

    /// Why an attempt stops before publishing.
    private struct Stop: Error {
        var resolution: JobResolution
    }

    /// `credentials`, refreshed first if they expire within ``refreshMargin``. A token still valid is
    /// used when its refresh fails (a passing failure is not a dead token, and a refused refresh
    /// only matters once the token expires); an expired one is retried later after a passing
    /// failure, and holds the account when the network refuses the refresh.
    private func renewedIfExpiring(
        _ credentials: AccountCredentials, client: any NetworkClient, accountID: String, source: RoundCredentials,
        attempt: Int
    ) async -> Result<AccountCredentials, Stop> {
        let now = clock()
        guard let expiry = credentials.expiresAt, expiry <= now.addingTimeInterval(Self.refreshMargin) else {
            return .success(credentials)
        }
        let expired = expiry <= now
        // Through the store itself (not this round's copies), so a token another refresh stored is seen.
        let outcome = await refreshGate.refresh(credentials, accountID: accountID, client: client, store: self.credentials)
        source.forget(accountID)
        switch outcome {
        case .refreshed(let fresh):
            return .success(fresh)
        case .notStored(let why):
            return .failure(Stop(resolution: .retry(at: now.addingTimeInterval(60), reason: why, countsAsAttempt: true)))
        case .transient(let why):
            guard expired else { return .success(credentials) }
            return .failure(
                Stop(
                    resolution: .retry(
                        at: configuration.policy.nextRun(afterAttempt: attempt, now: now, networkReset: nil, random: random()),
                        reason: "token expired; \(Self.refreshFailure(why))", countsAsAttempt: true)))
        case .reconnectRequired(let why):
            guard expired else { return .success(credentials) }
            return .failure(Stop(resolution: .hold(reason: "token expired; refresh refused: \(why)")))
        }
    }

    /// A passing refresh failure's reason, said once: the clients' own reasons often begin "token refresh failed".
    static func refreshFailure(_ why: String) -> String {
        why.hasPrefix("token refresh") ? why : "token refresh failed: \(why)"
    }

    /// The retry of a refused token whose refresh gave back the same token; refused once more, the account is held.
    static let sameTokenRetry = "token refused; its refresh gave back the same token: trying it once more"

    /// Resolves the outcomes that need one more call first: a duplicate without its post (look it
    /// up) and a refused token (try a refresh before asking a person).
    private func settle(
        _ outcome: PublishOutcome, job: PublishJob, post: OutgoingPost, client: any NetworkClient,
        credentials: AccountCredentials
    ) async -> JobResolution {
        switch outcome {
        case .duplicate(.none):
            if case .found(let receipt) = await client.lookUp(post, pending: nil, credentials: credentials) {
                return .published(receipt)
            }
        case .reconnectRequired(let reason) where credentials.refreshToken != nil:
            switch await refreshGate.refresh(credentials, accountID: job.accountID, client: client, store: self.credentials) {
            case .refreshed(let fresh) where fresh.accessToken == credentials.accessToken:
                // The same token came back (Mastodon's never change): one more try, for a refusal that passes; refused
                // again, a person reconnects (retrying at once for ever was 50 000 attempts in 14 minutes).
                guard job.lastError == Self.sameTokenRetry else {
                    return .retry(at: clock(), reason: Self.sameTokenRetry, countsAsAttempt: false)
                }
                return .hold(reason: "\(reason); refused again after its refresh gave back the same token")
            case .refreshed:
                return .retry(at: clock(), reason: "token refreshed", countsAsAttempt: false)
            case .notStored(let why):
                return .retry(at: clock().addingTimeInterval(60), reason: why, countsAsAttempt: true)
            case .transient(let why):
                // A refresh that failed for a passing reason is not a dead token.
                return .retry(
                    at: configuration.policy.nextRun(
                        afterAttempt: job.attempt, now: clock(), networkReset: nil, random: random()),
                    reason: Self.refreshFailure(why), countsAsAttempt: true)
            case .reconnectRequired(let why):
                return .hold(reason: "\(reason); refresh refused: \(why)")
            }
        default:
            break
        }
        return resolver.resolve(outcome, on: job.network, attempt: job.attempt, now: clock(), random: random())
    }
}

/// Why the dispatcher stopped an attempt on its own.
enum DispatchError: Error {
    /// The job's lease went to another worker: nothing more may be written or sent.
    case leaseLost
}
