import Foundation
import GlocalCore
import GlocalStore

/// The publishing caps of the accounts a batch of claimed jobs would post for, counted in SQL while each
/// account's cap lock is held: what `PublishingCap` needs to decide each send, kept up to date as the batch's
/// sends are admitted one after the other (so the batch decides as a job-by-job loop would, in fewer round trips).
///
/// The lock is a transaction-scoped advisory lock per account of the schema (`PostgresAdvisoryKey`), taken in account
/// order by every node, so two nodes never admit posts against the same free places, nor wait for each other in a
/// circle, and stores in other schemas of the database never wait for it.
struct PostgresCapLedger {
    private let caps: [String: [PublishingCap]]
    private let now: Date
    /// Posts sent whose outcome is not recorded yet, by account (the batch's admitted sends included).
    private var inFlight: [String: Int] = [:]
    /// Publications in each cap's window, by account and window.
    private var published: [String: [TimeInterval: Int]] = [:]
    /// The account's publications of its longest window, read when one of its caps is full.
    private var recent: [String: [Date]] = [:]

    /// Locks and counts the accounts of `caps` (each account's caps; accounts without any are left out).
    static func read(
        _ transaction: PostgresTransaction, caps: [String: [PublishingCap]], now: Date
    ) throws -> PostgresCapLedger {
        var ledger = PostgresCapLedger(caps: caps.filter { !$0.value.isEmpty }, now: now)
        let accounts = ledger.caps.keys.sorted()
        guard !accounts.isEmpty else { return ledger }
        try transaction.execute(
            """
            SELECT count(pg_advisory_xact_lock(\(unescaped: PostgresAdvisoryKey.sql("cap", subject: "account"))))
            FROM (SELECT account FROM unnest(\(accounts)::text[]) AS account ORDER BY account COLLATE "C") AS locked
            """)
        // Counted after the locks are held: this statement's snapshot sees every send another node committed. A count
        // stops at the largest limit of its window: a cap is full from there on, whatever the rest.
        var windows: [(account: String, window: TimeInterval, limit: Int)] = []
        for account in accounts {
            let accountCaps = ledger.caps[account, default: []]
            for window in Set(accountCaps.map(\.window)).sorted() {
                windows.append((account, window, accountCaps.filter { $0.window == window }.map(\.limit).max() ?? 0))
            }
        }
        let rows = try transaction.rows(
            """
            SELECT x.n,
                (SELECT count(*) FROM (
                    SELECT FROM publish_job AS j
                    WHERE j.account_id = x.account AND j.state = 'completed' AND j.finished_at > x.since LIMIT x.cap) AS c),
                (SELECT count(*) FROM publish_job AS j JOIN variant AS v ON v.id = j.variant_id
                 WHERE j.account_id = x.account AND j.state IN ('running', 'retryable')
                   AND v.state IN ('publishing', 'unknown'))
            FROM unnest(\(windows.map(\.account))::text[], \(windows.map { now.addingTimeInterval(-$0.window) })::timestamptz[],
                \(windows.map(\.limit))::int8[])
                WITH ORDINALITY AS x(account, since, cap, n)
            """)
        for row in rows {
            let (position, count, flying) = try PostgresFailure.decoding {
                (try row[0].decode(Int.self), try row[1].decode(Int.self), try row[2].decode(Int.self))
            }
            let (account, window, _) = windows[position - 1]
            ledger.published[account, default: [:]][window] = count
            ledger.inFlight[account] = flying
        }
        return ledger
    }

    /// When `account` may publish again and which cap says so, or `nil` if it may now.
    mutating func wait(
        _ transaction: PostgresTransaction, account: String
    ) throws -> (until: Date, cap: PublishingCap)? {
        guard let accountCaps = caps[account] else { return nil }
        let flying = inFlight[account, default: 0]
        let full = accountCaps.filter { !$0.admits(published: published[account]?[$0.window] ?? 0, inFlight: flying) }
        guard !full.isEmpty else { return nil }
        return PublishingCap.nextAllowed(
            under: full, recent: try recentPublications(transaction, account: account), inFlight: flying, now: now)
    }

    /// Counts a send `account` was admitted for.
    mutating func admit(_ account: String) {
        if caps[account] != nil { inFlight[account, default: 0] += 1 }
    }

    private mutating func recentPublications(_ transaction: PostgresTransaction, account: String) throws -> [Date] {
        if let known = recent[account] { return known }
        let longest = caps[account, default: []].map(\.window).max() ?? 0
        let instants = try transaction.rows(
            """
            SELECT finished_at FROM publish_job
            WHERE account_id = \(account) AND state = 'completed' AND finished_at > \(now.addingTimeInterval(-longest))
            """
        ).map { row in try PostgresFailure.decoding { try row[0].decode(Date.self) } }
        recent[account] = instants
        return instants
    }
}
