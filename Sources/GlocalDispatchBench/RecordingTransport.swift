import Foundation
import GlocalNetworks

/// Passes requests to a transport and keeps a copy of each, so the bare transport can send exactly
/// the same requests afterwards.
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    private let base: any HTTPTransport
    private let lock = NSLock()
    private var recorded: [HTTPRequest] = []

    init(_ base: any HTTPTransport) { self.base = base }

    /// The requests sent so far, in order.
    var requests: [HTTPRequest] { lock.withLock { recorded } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { recorded.append(request) }
        return try await base.send(request)
    }
}
