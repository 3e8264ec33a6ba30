import Foundation
import GlocalCore
import GlocalServer
import GlocalStore
import Hummingbird
import HummingbirdTesting
import Testing

/// A version that sunsets within 60 days of the server's clock shows on the accounts page and on `/healthz`.
struct APIVersionWarningTests {
    /// The example workspace, pinning Graph v21.0 (expires 2027-01-21) for Facebook.
    static func workspace() -> Workspace {
        var workspace = ServerFixture.workspace
        guard case .known(let v21) = APIVersionTable.lookUp("v21.0", for: .facebook) else { return workspace }
        workspace.settings.apiVersions.pinned[.facebook] = Located(
            v21, at: SourceLocation(file: "glocal.yaml", line: 3, column: 13))
        return workspace
    }

    @Test func theAccountsPageWarnsFromSixtyDaysBeforeTheSunsetOnTheServersClock() async throws {
        let fixture = try ServerFixture(workspace: Self.workspace())
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            // 2026-11-21 09:00 UTC: 61 days to go.
            #expect(!(try await france.get("/accounts").body.contains("api-version-warning")))
        }
        // Two days later (a fresh sign-in: the first session has expired by then): 59 days to go.
        fixture.clock.advance(2 * 86_400)
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let page = try await france.get("/accounts").body
            #expect(page.contains("id=\"api-version-warning\""))
            #expect(page.contains("facebook: Graph API v21.0 sunsets on 2027-01-21 (in 59 days)"))
            #expect(page.contains("api_versions.facebook"))
        }
        // Without the pin, the defaults are far from their sunsets: no warning.
        let plain = try ServerFixture()
        plain.clock.advance(2 * 86_400)
        try await plain.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            #expect(!(try await france.get("/accounts").body.contains("api-version-warning")))
        }
    }

    @Test func healthzCarriesTheWarningsAsAJSONFieldAndAsTextLines() async throws {
        let workspace = Self.workspace()
        let fixture = try ServerFixture(workspace: workspace)
        let clock = fixture.clock
        clock.advance(2 * 86_400)
        let operations = OperationsRoutes(
            health: { (true, "dispatcher: last round 1 s ago") }, metrics: { "" },
            apiVersions: { workspace.apiVersionNotices(at: clock.now).map(\.text) })
        let app = Application(router: ApprovalServer.router(fixture.environment, operations: operations))
        try await app.test(.router) { client in
            let json = try await client.execute(uri: "/healthz?format=json", method: .get)
            #expect(json.status == .ok && json.headers[.contentType] == "application/json")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any])
            #expect(object["healthy"] as? Bool == true && object["status"] as? String == "dispatcher: last round 1 s ago")
            let warnings = try #require(object["api_version_warnings"] as? [String])
            #expect(warnings.count == 1 && warnings[0].hasPrefix("facebook: Graph API v21.0 sunsets on 2027-01-21 (in 59 days)"))
            let accepting = try await client.execute(uri: "/healthz", method: .get, headers: [.accept: "application/json"])
            #expect(String(buffer: accepting.body) == String(buffer: json.body))
            let text = String(buffer: try await client.execute(uri: "/healthz", method: .get).body)
            #expect(text.hasPrefix("dispatcher: last round 1 s ago\napi version: facebook: Graph API v21.0 sunsets"))
        }
    }
}
