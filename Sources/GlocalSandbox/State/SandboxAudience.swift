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

    private enum CodingKeys: String, CodingKey {
        case network, account, timeZone, peakHour, size
    }

    /// Reads an audience; `network` and `account` are required, the rest default as ``init(network:account:timeZone:peakHour:size:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            network: try container.decode(String.self, forKey: .network),
            account: try container.decode(String.self, forKey: .account),
            timeZone: try container.decodeIfPresent(String.self, forKey: .timeZone) ?? "UTC",
            peakHour: try container.decodeIfPresent(Int.self, forKey: .peakHour) ?? 18,
            size: try container.decodeIfPresent(Int.self, forKey: .size) ?? 1000)
    }
}
