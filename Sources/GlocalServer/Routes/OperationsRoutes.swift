import Foundation
import Hummingbird

/// `/healthz` and `/metrics` for the process that also dispatches (`glocal run`): the server knows
/// nothing of the dispatcher, it calls these closures.
public struct OperationsRoutes: Sendable {
    /// Whether the process is healthy, and a one-line status.
    public var health: @Sendable () -> (healthy: Bool, status: String)
    /// The Prometheus text exposition.
    public var metrics: @Sendable () -> String

    /// Creates the routes from their two closures.
    public init(
        health: @escaping @Sendable () -> (healthy: Bool, status: String), metrics: @escaping @Sendable () -> String
    ) {
        self.health = health
        self.metrics = metrics
    }

    func register(on router: Router<AppRequestContext>) {
        let health = self.health
        let metrics = self.metrics
        router.get("/healthz") { _, _ -> Response in
            let (healthy, status) = health()
            return Response(
                status: healthy ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: status + "\n")))
        }
        router.get("/metrics") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: metrics())))
        }
    }
}
