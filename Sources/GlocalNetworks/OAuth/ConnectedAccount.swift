import Foundation

/// A connection that passed every check: the credentials to seal, and the facts the accounts page shows.
public struct ConnectedAccount: Sendable, Equatable {
    /// The credentials to seal.
    public var credentials: AccountCredentials
    /// The handle the network says signed in.
    public var identity: String
    /// The scopes granted.
    public var scopes: [String]

    /// Creates a connected account.
    public init(credentials: AccountCredentials, identity: String, scopes: [String]) {
        self.credentials = credentials
        self.identity = identity
        self.scopes = scopes
    }

    /// One line for the account audit log: how, as whom, which scopes, until when (no token).
    public func auditNote(flow: String) -> String {
        let expiry =
            credentials.expiresAt.map { "token expires \(ISO8601DateFormatter().string(from: $0))" } ?? "token does not expire"
        let scopes = scopes.isEmpty ? "no scopes" : "scopes \(scopes.joined(separator: " "))"
        return "\(flow) as \(identity); \(scopes); \(expiry)"
    }
}
