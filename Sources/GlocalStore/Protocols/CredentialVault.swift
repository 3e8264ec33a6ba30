import Foundation
import GlocalCore

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
    /// Runs `body` holding `account`'s refresh lock, which every process on this store shares, with the opened secret
    /// as stored once the lock is held: a refresh that waited for another node's reads the token that one stored
    /// instead of spending a refresh token the network already rotated.
    func whileRefreshing<T>(account: String, _ body: (Data?) async throws -> T) async throws -> T
    /// Keeps `attempt`, a sign-in under way, until its callback (sealed; attempts a day old are forgotten).
    func keepConnectAttempt(_ attempt: ConnectAttempt, now: Date) throws
    /// Takes the attempt `state` names, removing it whatever comes next (a state serves once); `nil` if none is kept.
    func takeConnectAttempt(state: String) throws -> ConnectAttempt?
}

extension CredentialVault {
    /// Connects `account` as `actor` with no note on the audit event.
    public func connect(_ secret: Data, account: String, actor: String, now: Date) throws -> CredentialConnection {
        try connect(secret, account: account, actor: actor, now: now, note: nil)
    }
}
