import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

/// Account credentials on PostgreSQL, sealed with the `SecretKey` before they reach the database and
/// opened only in memory (the key is never in the database), as `AccountSecrets` on SQLite.
public struct PostgresCredentialVault: CredentialVault {
    let pool: PostgresConnectionPool
    let key: SecretKey

    /// The credentials of `store`, opened with `key`.
    public init(store: PostgresStore, key: SecretKey) {
        pool = store.pool
        self.key = key
    }

    /// Seals and stores `secret` for `account`, replacing any earlier one (no audit event).
    public func store(_ secret: Data, account: String, now: Date) throws {
        let sealed = try key.seal(secret, context: account)
        try pool.transaction { try upsert($0, sealed: sealed, account: account, now: now) }
    }

    /// Connects `account` as `actor`: stores `secret`, lifts a "needs reconnect" hold, audits it with `note` as the
    /// event's reason.
    @discardableResult
    public func connect(_ secret: Data, account: String, actor: String, now: Date, note: String?) throws -> CredentialConnection {
        let sealed = try key.seal(secret, context: account)
        return try pool.transaction { transaction in
            let hadSecret =
                try transaction.value(
                    "SELECT EXISTS (SELECT 1 FROM account_secret WHERE account_id = \(account))", as: Bool.self) ?? false
            let hold =
                try transaction.value(
                    "SELECT needs_reconnect FROM account_status WHERE account_id = \(account) FOR UPDATE", as: String?.self)
                ?? nil
            try upsert(transaction, sealed: sealed, account: account, now: now)
            if hold != nil {
                try transaction.execute(
                    "UPDATE account_status SET needs_reconnect = NULL, updated_at = \(now) WHERE account_id = \(account)")
                try transaction.execute("SELECT pg_notify(\(pool.location.queueChannel), '')")
            }
            let connection = CredentialConnection(isReconnect: hadSecret || hold != nil, clearedHold: hold)
            try PostgresAuditLog.appendAccount(
                transaction, at: now, actor: actor, accountID: account, action: connection.isReconnect ? .reconnect : .connect,
                reason: note, clearedHold: hold)
            return connection
        }
    }

    /// The opened secret of `account`, if it has one.
    public func secret(account: String) throws -> Data? {
        guard
            let sealed = try pool.transaction({ transaction in
                try transaction.value("SELECT sealed FROM account_secret WHERE account_id = \(account)", as: Data.self)
            })
        else { return nil }
        do { return try key.open(sealed, context: account) } catch { throw AccountSecrets.Failure.cannotOpen(account: account) }
    }

    /// The accounts that have credentials.
    public func accounts() throws -> [String] {
        try pool.transaction { transaction in
            try transaction.rows("SELECT account_id FROM account_secret ORDER BY account_id COLLATE \"C\"")
                .map { try $0[0].decode(String.self) }
        }
    }

    private func upsert(_ transaction: PostgresTransaction, sealed: Data, account: String, now: Date) throws {
        try transaction.execute(
            """
            INSERT INTO account_secret (account_id, sealed, updated_at) VALUES (\(account), \(sealed), \(now))
            ON CONFLICT (account_id) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at
            """)
    }
}
