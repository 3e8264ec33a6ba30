import Foundation
import GlocalCore
import GlocalStore

/// What the UI says about one account: the holds on it as of now, and how many of its posts wait.
struct AccountHoldStatus: Sendable {
    /// The account's id.
    let id: String
    /// Its network, for people (`X`, `Instagram`…).
    let network: String
    /// Its time zone (accounts.yaml, else its locale's, else UTC).
    let zone: TimeZone
    /// Paused by a person.
    let paused: Bool
    /// Held by the global crisis pause (every account is, while it holds).
    let crisisPaused: Bool
    /// Why the network refuses its token, if it does.
    let needsReconnect: String?
    /// When the network's rate limit lifts, if it still holds now.
    let rateLimitedUntil: Date?
    /// Its publish jobs waiting to go out.
    let waiting: Int

    /// Whether nothing is held: the dispatcher sends its posts when they fall due.
    var isOK: Bool { !paused && !crisisPaused && needsReconnect == nil && rateLimitedUntil == nil }

    /// The status of `account` from its holds (`nil`: none) at `now`; a rate limit already lifted is no hold.
    /// `crisisPaused`: the global crisis pause holds.
    init(
        account: Account, workspace: Workspace, holds: AccountHolds?, crisisPaused: Bool, waiting: Int, now: Date
    ) {
        id = account.id.value
        network = account.network?.displayName ?? "unknown network"
        zone = workspace.timeZone(of: account)
        paused = holds?.paused ?? false
        self.crisisPaused = crisisPaused
        needsReconnect = holds?.needsReconnect
        rateLimitedUntil = holds?.rateLimitedUntil.flatMap { $0 > now ? $0 : nil }
        self.waiting = waiting
    }

    /// The statuses of the accounts `scope` may see, in accounts.yaml's order: three reads of the store.
    static func visible(to scope: ApprovalScope, environment: ServerEnvironment, now: Date) throws -> [AccountHoldStatus] {
        let queue = environment.store.publishQueue
        let holds = try queue.allHolds()
        let waiting = try queue.waitingJobCounts()
        let crisis = try queue.globalPause().paused
        return environment.workspace.accounts.filter { scope.canSee(account: $0.id.value) }.map {
            AccountHoldStatus(
                account: $0, workspace: environment.workspace, holds: holds[$0.id.value], crisisPaused: crisis,
                waiting: waiting[$0.id.value] ?? 0, now: now)
        }
    }

    /// The accounts `scope` may see whose token the network refuses, with why: one read of the store.
    static func needingReconnect(
        scope: ApprovalScope, environment: ServerEnvironment
    ) throws -> [(account: String, reason: String)] {
        try environment.store.publishQueue.allHolds()
            .compactMap { account, holds in holds.needsReconnect.map { (account: account, reason: $0) } }
            .filter { scope.canSee(account: $0.account) }
            .sorted { $0.account < $1.account }
    }

    /// `date` in `zone` as `2026-12-01 09:00 (Europe/Paris)`, with the UTC instant after it unless the zone is UTC.
    static func local(_ date: Date, in zone: TimeZone) -> String {
        guard zone.identifier != "UTC", zone.identifier != "GMT" else { return Layout.utc(date) }
        let text = date.ISO8601Format(.iso8601(timeZone: zone, includingFractionalSeconds: false))
        let local = String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5))
        return "\(local) (\(zone.identifier) time; \(Layout.utc(date)))"
    }
}
