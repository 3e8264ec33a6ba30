import Foundation
import GlocalServer
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue #16: each `glocal run` node says which node it is, on `/healthz` (JSON field and text line) and on
/// `/metrics` (a `glocal_node_info` gauge), so a load balancer or Prometheus tells the nodes sharing a store apart.
struct NodeIdentityRoutesTests {
    static func operations(node: String?) -> OperationsRoutes {
        OperationsRoutes(
            health: { (true, "dispatcher: last round 2 s ago") }, metrics: { "glocal_jobs{state=\"completed\"} 3\n" },
            apiVersions: { ["x: API v2 sunsets soon"] }, nodeID: node)
    }

    @Test func healthzNamesTheNodeInItsJSONAndItsText() async throws {
        let fixture = try ServerFixture()
        let app = Application(router: ApprovalServer.router(fixture.environment, operations: Self.operations(node: "node-a")))
        try await app.test(.router) { client in
            let json = try await client.execute(uri: "/healthz?format=json", method: .get)
            #expect(
                String(buffer: json.body)
                    == #"{"api_version_warnings":["x: API v2 sunsets soon"],"healthy":true,"node":"node-a","#
                    + #""status":"dispatcher: last round 2 s ago"}"#)
            let text = String(buffer: try await client.execute(uri: "/healthz", method: .get).body)
            #expect(text == "dispatcher: last round 2 s ago\nnode: node-a\napi version: x: API v2 sunsets soon\n")
        }
    }

    @Test func metricsCarryTheNodeInfoGaugeAfterTheDispatchersSeries() async throws {
        let fixture = try ServerFixture()
        let app = Application(router: ApprovalServer.router(fixture.environment, operations: Self.operations(node: "eu-1")))
        try await app.test(.router) { client in
            let text = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            #expect(text.hasPrefix("glocal_jobs{state=\"completed\"} 3\n# HELP glocal_node_info "))
            #expect(text.contains("# TYPE glocal_node_info gauge\n"))
            #expect(text.hasSuffix("glocal_node_info{node=\"eu-1\"} 1\n"))
        }
    }

    @Test func aNodeIDIsEscapedInTheMetricsLabelAndTheJSON() async throws {
        let fixture = try ServerFixture()
        let node = #"rack"7\b"#
        let app = Application(router: ApprovalServer.router(fixture.environment, operations: Self.operations(node: node)))
        try await app.test(.router) { client in
            let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            #expect(metrics.contains(#"glocal_node_info{node="rack\"7\\b"} 1"#))
            let json = try await client.execute(uri: "/healthz?format=json", method: .get)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any])
            #expect(object["node"] as? String == node)
        }
    }

    @Test func withoutANodeIDNeitherRouteMentionsOne() async throws {
        let fixture = try ServerFixture()
        let app = Application(router: ApprovalServer.router(fixture.environment, operations: Self.operations(node: nil)))
        try await app.test(.router) { client in
            for uri in ["/metrics", "/healthz?format=json", "/healthz"] {
                let body = String(buffer: try await client.execute(uri: uri, method: .get).body)
                #expect(!body.contains("node"), "\(uri): \(body)")
            }
        }
    }
}
