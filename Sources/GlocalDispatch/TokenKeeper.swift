import Foundation
import GlocalCore
import GlocalNetworks
import GlocalStore

/// Keeps connected accounts' tokens alive on a schedule, not only when a post is due: each round it refreshes the
/// tokens ``TokenRefreshPolicy`` says are due (some hours before expiry; half-way through a short-lived token's life),
/// stores what the network returns, backs off after a passing failure, and holds an account whose refresh the network
/// refuses ("needs reconnect", audited; the notifier alerts its managers from that hold). Tokens never reach a report.
public actor TokenKeeper {
    /// What one round did for one account.
    public struct Report: Sendable, Equatable {
        /// What happened.
        public enum Outcome: Sendable, Equatable {
            /// A new token, expiring then.
            case refreshed(expiresAt: Date?)
            /// A passing failure: the next try waits until then.
            case failed(String, retryAt: Date)
            /// The network refused the refresh: the account needs a person to reconnect it.
            case needsReconnect(String)
        }

        /// The account.
        public var accountID: String
        /// What happened.
        public var outcome: Outcome

        /// Creates a report.
        public init(accountID: String, outcome: Outcome) {
            self.accountID = accountID
            self.outcome = outcome
        }
    }

    private let accounts: [(id: String, network: Network)]
    private let credentials: any CredentialSource
    private let clients: [Network: any NetworkClient]
    private let holds: any PublishJobQueue
    private let policy: TokenRefreshPolicy
    private let actor: String
    private let clock: @Sendable () -> Date
    private let refreshGate: AccountRefreshGate
    private var failures: [String: (count: Int, last: Date)] = [:]
    private var refreshedAt: [String: Date] = [:]

    /// A keeper for `accounts`, refreshing through `clients` one refresh per account at a time (`refreshGate`, shared
    /// with the dispatchers), recording holds as `actor`.
    public init(
        accounts: [(id: String, network: Network)], credentials: any CredentialSource, clients: [Network: any NetworkClient],
        holds: any PublishJobQueue, policy: TokenRefreshPolicy = TokenRefreshPolicy(), actor: String = "token-keeper",
        clock: @escaping @Sendable () -> Date = { Date() }, refreshGate: AccountRefreshGate = .shared
    ) {
        self.refreshGate = refreshGate
        self.accounts = accounts
        self.credentials = credentials
        self.clients = clients
        self.holds = holds
        self.policy = policy
        self.actor = actor
        self.clock = clock
    }

    /// One round over every account; only the accounts it refreshed, or tried to, are reported.
    public func runOnce() async -> [Report] {
        var reports: [Report] = []
        for account in accounts {
            if let report = await keep(account.id, network: account.network) { reports.append(report) }
        }
        return reports
    }

    /// Rounds every `interval` until `shouldStop`; `onReports` gets each round's non-empty reports.
    public func run(
        interval: Duration, shouldStop: @escaping @Sendable () -> Bool,
        onReports: @escaping @Sendable ([Report]) -> Void = { _ in }
    ) async {
        while !shouldStop() && !Task.isCancelled {
            let reports = await runOnce()
            if !reports.isEmpty { onReports(reports) }
            let steps = max(1, Int(interval.components.seconds))
            for _ in 0..<steps where !shouldStop() && !Task.isCancelled { try? await Task.sleep(for: .seconds(1)) }
        }
    }

    private func keep(_ id: String, network: Network) async -> Report? {
        guard let client = clients[network], let stored = try? await credentials.credentials(for: id) else { return nil }
        if (try? holds.holds(account: id).needsReconnect) != nil { return nil }
        let now = clock()
        let failure = failures[id]
        let lifetime = refreshedAt[id].flatMap { start in stored.expiresAt.map { $0.timeIntervalSince(start) } }
        let decision = policy.decide(
            expiresAt: stored.expiresAt, failures: failure?.count ?? 0, lastFailure: failure?.last, lifetime: lifetime, now: now)
        guard decision == .refresh else { return nil }
        switch await refreshGate.refresh(stored, accountID: id, client: client, store: credentials) {
        case .notStored(let why):
            return failed(id, why, now: now)
        case .refreshed(let fresh):
            failures[id] = nil
            refreshedAt[id] = now
            return Report(accountID: id, outcome: .refreshed(expiresAt: fresh.expiresAt))
        case .transient(let why):
            return failed(id, why, now: now)
        case .reconnectRequired(let why):
            let reason = "scheduled token refresh refused: \(why)"
            _ = try? holds.markNeedsReconnect(reason, account: id, actor: actor, now: now)
            failures[id] = nil
            return Report(accountID: id, outcome: .needsReconnect(reason))
        }
    }

    private func failed(_ id: String, _ why: String, now: Date) -> Report {
        let count = (failures[id]?.count ?? 0) + 1
        failures[id] = (count, now)
        return Report(accountID: id, outcome: .failed(why, retryAt: now.addingTimeInterval(policy.backoff(afterFailures: count))))
    }
}
