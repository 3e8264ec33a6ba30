import Foundation

/// Account credentials at rest, sealed before they are stored and opened only in memory. What is
/// sealed is opaque to the vault.
public protocol CredentialVault: Sendable {
    /// Seals and stores `secret` for `account`, replacing any earlier one (no audit event).
    func store(_ secret: Data, account: String, now: Date) throws
    /// Connects `account` as `actor`: stores `secret`, lifts a "needs reconnect" hold, audits it with `note` as the
    /// event's reason (how, as whom, which scopes, until when: never a token).
    @discardableResult
    func connect(_ secret: Data, account: String, actor: String, now: Date, note: String?) throws -> CredentialConnection
    /// The opened secret of `account`, if it has one.
    func secret(account: String) throws -> Data?
    /// The accounts that have credentials.
    func accounts() throws -> [String]
}

extension CredentialVault {
    /// Connects `account` as `actor` with no note on the audit event.
    public func connect(_ secret: Data, account: String, actor: String, now: Date) throws -> CredentialConnection {
        try connect(secret, account: account, actor: actor, now: now, note: nil)
    }
}
