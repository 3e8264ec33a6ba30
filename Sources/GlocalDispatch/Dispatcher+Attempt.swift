import Foundation
import GlocalCore
import GlocalNetworks
import GlocalStore

/// One attempt of a claimed job: the credentials it needs (refreshed when about to expire), the client's call, and
/// the outcomes that need one more call before they resolve (a duplicate to look up, a refused token to refresh).
extension Dispatcher {
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
            report.note = report.settlement?.linkReplyFailure?.note
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
