import Foundation

/// What connecting an account did (`CredentialVault.connect`).
public struct CredentialConnection: Sendable, Equatable {
    /// Whether the account had credentials already, or needed reconnecting: a `reconnect` event.
    public var isReconnect: Bool
    /// The "needs reconnect" hold it lifted (the network's reason), if there was one.
    public var clearedHold: String?

    /// Creates the outcome of a connection.
    public init(isReconnect: Bool, clearedHold: String?) {
        self.isReconnect = isReconnect
        self.clearedHold = clearedHold
    }
}
