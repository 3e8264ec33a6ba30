import Foundation

/// Account credentials at rest, sealed before they are stored and opened only in memory. What is
/// sealed is opaque to the vault.
public protocol CredentialVault: Sendable {
    /// Seals and stores `secret` for `account`, replacing any earlier one (no audit event).
    func store(_ secret: Data, account: String, now: Date) throws
    /// Connects `account` as `actor`: stores `secret`, lifts a "needs reconnect" hold, audits it.
    func connect(_ secret: Data, account: String, actor: String, now: Date) throws -> CredentialConnection
    /// The opened secret of `account`, if it has one.
    func secret(account: String) throws -> Data?
    /// The accounts that have credentials.
    func accounts() throws -> [String]
}
