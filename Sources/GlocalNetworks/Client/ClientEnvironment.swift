import Foundation
import GlocalCore

/// What every client is built with: a transport, where the networks live, and a clock.
public struct ClientEnvironment: Sendable {
    /// Sends requests.
    public var transport: any HTTPTransport
    /// Base URLs.
    public var endpoints: NetworkEndpoints
    /// The current instant (metrics `fetchedAt`, Bluesky `createdAt`, relative rate-limit resets).
    public var clock: @Sendable () -> Date
    /// The API version spoken to each network (glocal.yaml's `api_versions`, else the table's defaults).
    public var apiVersions: APIVersionPins

    /// Creates an environment.
    public init(
        transport: any HTTPTransport, endpoints: NetworkEndpoints = .production,
        clock: @escaping @Sendable () -> Date = { Date() }, apiVersions: APIVersionPins = .none
    ) {
        self.transport = transport
        self.endpoints = endpoints
        self.clock = clock
        self.apiVersions = apiVersions
    }
}
