import Foundation

/// Sends one HTTP request and returns the answer; the only way clients reach a network.
public protocol HTTPTransport: Sendable {
    /// Sends `request`; throws ``TransportError`` when no complete answer arrived.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
