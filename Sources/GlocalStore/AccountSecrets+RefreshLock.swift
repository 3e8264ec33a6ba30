import Foundation
import GRDB

extension AccountSecrets {
    /// How long a refresh lock stays held when the process holding it died (a refresh takes a network call, seconds).
    static let refreshLease: TimeInterval = 120

    /// How often a refresh waiting for another process's polls the lock.
    static let refreshPoll: Duration = .milliseconds(50)

    /// Runs `body` holding `account`'s refresh lock, a row of `account_refresh_lock` every process on this file
    /// shares (a write transaction would hold every writer for the network call), with the secret as stored once the
    /// lock is held. A lock whose holder died is taken over when its lease runs out.
    public func whileRefreshing<T>(account: String, _ body: (Data?) async throws -> T) async throws -> T {
        let holder = UUID().uuidString
        while !(try takeRefreshLock(account: account, holder: holder)) { try await Task.sleep(for: Self.refreshPoll) }
        do {
            let result = try await body(try secret(account: account))
            try? releaseRefreshLock(account: account, holder: holder)
            return result
        } catch {
            try? releaseRefreshLock(account: account, holder: holder)
            throw error
        }
    }

    /// Takes the lock unless another holder's lease runs; `true` when taken. The lease is on the wall clock, not the
    /// command's `--now`: it measures how long a process may be gone, whatever instant it simulates.
    private func takeRefreshLock(account: String, holder: String) throws -> Bool {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        return try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO account_refresh_lock (account_id, holder, expires_at) VALUES (?, ?, ?)
                    ON CONFLICT (account_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                    WHERE account_refresh_lock.expires_at <= ?
                    """, arguments: [account, holder, now + Int64(Self.refreshLease * 1000), now])
            return db.changesCount == 1
        }
    }

    private func releaseRefreshLock(account: String, holder: String) throws {
        try writer.write { db in
            try db.execute(
                sql: "DELETE FROM account_refresh_lock WHERE account_id = ? AND holder = ?", arguments: [account, holder])
        }
    }
}
