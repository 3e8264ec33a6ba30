/// What one person wants to be told by e-mail: the daily digest and the immediate alerts, each
/// turned on or off by the person (both on until they say otherwise).
public struct NotificationPreferences: Sendable, Equatable {
    /// Whether the daily digest is sent.
    public var digest: Bool
    /// Whether immediate alerts (a failed post, an account to reconnect) are sent.
    public var alerts: Bool

    /// Creates preferences; both on by default.
    public init(digest: Bool = true, alerts: Bool = true) {
        self.digest = digest
        self.alerts = alerts
    }
}
