import Foundation
import Hummingbird

/// `/healthz` and `/metrics` for the process that also dispatches (`glocal run`): the server knows
/// nothing of the dispatcher, it calls these closures.
public struct OperationsRoutes: Sendable {
    /// Whether the process is healthy, and a one-line status.
    public var health: @Sendable () -> (healthy: Bool, status: String)
    /// The Prometheus text exposition.
    public var metrics: @Sendable () -> String
    /// One line per API version that sunsets within 60 days (or has), on the server's clock.
    public var apiVersions: @Sendable () -> [String]
    /// This node's id among the nodes sharing the store (`--node-id`), shown by both routes.
    public var nodeID: String?

    /// Creates the routes from their closures.
    public init(
        health: @escaping @Sendable () -> (healthy: Bool, status: String), metrics: @escaping @Sendable () -> String,
        apiVersions: @escaping @Sendable () -> [String] = { [] }, nodeID: String? = nil
    ) {
        self.health = health
        self.metrics = metrics
        self.apiVersions = apiVersions
        self.nodeID = nodeID
    }

    /// The `/metrics` lines saying whether the store could be read for this scrape (`glocal_store_reachable`).
    public static func storeReachableMetric(_ reachable: Bool) -> String { HealthReport.storeReachableMetric(reachable) }

    func register(on router: Router<AppRequestContext>) {
        let health = self.health
        let metrics = self.metrics
        let apiVersions = self.apiVersions
        let nodeID = self.nodeID
        let nodeInfo = nodeID.map(HealthReport.nodeInfoMetric) ?? ""
        // Text by default; JSON (with the API version warnings as a field) for `Accept: application/json` or `?format=json`.
        router.get("/healthz") { request, _ -> Response in
            let (healthy, status) = health()
            let warnings = apiVersions()
            let code: HTTPResponse.Status = healthy ? .ok : .serviceUnavailable
            if request.uri.queryParameters["format"] == "json"
                || request.headers[.accept]?.contains("application/json") == true
            {
                return Response(
                    status: code, headers: [.contentType: "application/json"],
                    body: .init(
                        byteBuffer: ByteBuffer(
                            string: HealthReport.json(healthy: healthy, status: status, warnings, node: nodeID))))
            }
            let lines = [status] + (nodeID.map { ["node: \($0)"] } ?? []) + warnings.map { "api version: \($0)" }
            return Response(
                status: code, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: lines.joined(separator: "\n") + "\n")))
        }
        router.get("/metrics") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: metrics() + nodeInfo)))
        }
    }
}
