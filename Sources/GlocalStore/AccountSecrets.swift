import Foundation
import GRDB

/// Account credentials at rest: sealed with a `SecretKey` before they reach the file, opened only in
/// memory. What is sealed is opaque here (the dispatcher stores JSON).
public struct AccountSecrets: Sendable {
    let writer: any DatabaseWriter
    let key: SecretKey

    /// Why a secret could not be read.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The stored value does not open with this key (another key, or tampered with).
        case cannotOpen(account: String)

        /// A one-line explanation (no secret in it).
        public var description: String {
            switch self {
            case .cannotOpen(let account):
                return "the credentials of '\(account)' do not open with this key (another GLOCAL_SECRET_KEY or key file?)"
            }
        }
    }

    /// Seals and stores `secret` for `account`, replacing any earlier one (the dispatcher keeps a
    /// refreshed token this way; a person connecting an account goes through `connect`, which audits).
    public func store(_ secret: Data, account: String, now: Date) throws {
        let sealed = try key.seal(secret, context: account)
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO account_secret (account_id, sealed, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (account_id) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at
                    """, arguments: [account, sealed, StoreTimestamp.string(from: now)])
        }
    }

    /// What `connect` did (a core value).
    public typealias Connection = CredentialConnection

    /// Connects `account` as `actor` in one transaction: seals and stores `secret` (replacing any
    /// earlier one), lifts a "needs reconnect" hold, and appends a `connect` or `reconnect` event.
    @discardableResult
    public func connect(_ secret: Data, account: String, actor: String, now: Date) throws -> Connection {
        try connect(secret, account: account, actor: actor, now: now, note: nil)
    }

    /// ``connect(_:account:actor:now:)`` with the event's reason set to
    /// `note` (how, as whom, which scopes, until when: never a token).
    @discardableResult
    public func connect(_ secret: Data, account: String, actor: String, now: Date, note: String?) throws -> Connection {
        let sealed = try key.seal(secret, context: account)
        let stamp = StoreTimestamp.string(from: now)
        return try writer.write { db in
            let hadSecret =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM account_secret WHERE account_id = ?)", arguments: [account]) ?? false
            let hold = try String.fetchOne(
                db, sql: "SELECT needs_reconnect FROM account_status WHERE account_id = ?", arguments: [account])
            try db.execute(
                sql: """
                    INSERT INTO account_secret (account_id, sealed, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (account_id) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at
                    """, arguments: [account, sealed, stamp])
            if hold != nil {
                try db.execute(
                    sql: "UPDATE account_status SET needs_reconnect = NULL, updated_at = ? WHERE account_id = ?",
                    arguments: [stamp, account])
            }
            let connection = Connection(isReconnect: hadSecret || hold != nil, clearedHold: hold)
            try AccountAuditLog.append(
                db, at: now, actor: actor, accountID: account, action: connection.isReconnect ? .reconnect : .connect,
                reason: note, clearedHold: hold)
            return connection
        }
    }

    /// The secret of `account`, or `nil` if none is stored.
    public func secret(account: String) throws -> Data? {
        guard
            let sealed = try writer.read({ db in
                try Data.fetchOne(db, sql: "SELECT sealed FROM account_secret WHERE account_id = ?", arguments: [account])
            })
        else { return nil }
        do { return try key.open(sealed, context: account) } catch { throw Failure.cannotOpen(account: account) }
    }

    /// The accounts that have a stored secret.
    public func accounts() throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: "SELECT account_id FROM account_secret ORDER BY account_id") }
    }
}

extension SQLiteVariantStore {
    /// The sealed account credentials kept in the same file, opened with `key`.
    public func accountSecrets(key: SecretKey) -> AccountSecrets { AccountSecrets(writer: writer, key: key) }
}
