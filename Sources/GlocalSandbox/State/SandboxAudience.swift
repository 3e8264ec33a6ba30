import Foundation

/// Who follows an account in the sandbox: where they live, when they read, how many they are.
public struct SandboxAudience: Sendable, Codable, Equatable {
    /// `x`, `bluesky`, …
    public var network: String
    /// The account key.
    public var account: String
    /// The account's time zone (`Europe/Paris`).
    public var timeZone: String
    /// The local hour (0–23) when the audience reads most.
    public var peakHour: Int
    /// Followers reached at the best hour.
    public var size: Int

    /// Creates an audience.
    public init(network: String, account: String, timeZone: String = "UTC", peakHour: Int = 18, size: Int = 1000) {
        self.network = network
        self.account = account
        self.timeZone = timeZone
        self.peakHour = peakHour
        self.size = size
    }
}
