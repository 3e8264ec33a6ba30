import Foundation
import GlocalNetworks
import GlocalSandbox
import Testing

/// The sandbox's Mastodon registers an app (`POST /api/v1/apps`) from JSON or from form data, as Mastodon does, and
/// refuses one without a name either way.
struct MastodonAppRegistrationTests {
    static func register(_ body: String, contentType: String, sandbox: URL) async throws -> (Int, [String: Any]) {
        let response = try await URLSessionTransport(timeout: 60).send(
            HTTPRequest(
                method: "POST", url: sandbox.appendingPathComponent("mastodon/api/v1/apps"),
                headers: ["Content-Type": contentType], body: Data(body.utf8)))
        return (response.status, (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:])
    }

    @Test func formDataAndJSONBothRegisterAnApp() async throws {
        try await SandboxServer(state: SandboxState()).withRunning { sandbox in
            let (formStatus, form) = try await Self.register(
                "client_name=glocal&redirect_uris=https%3A%2F%2Fglocal.example%2Fconnect%2Fmastodon%2Fcallback"
                    + "&scopes=read+write%3Astatuses", contentType: "application/x-www-form-urlencoded", sandbox: sandbox)
            #expect(formStatus == 200)
            #expect(form["name"] as? String == "glocal")
            #expect(form["redirect_uri"] as? String == "https://glocal.example/connect/mastodon/callback")
            #expect(form["scopes"] as? [String] == ["read", "write:statuses"])
            #expect((form["client_id"] as? String)?.isEmpty == false && (form["client_secret"] as? String)?.isEmpty == false)

            let (jsonStatus, json) = try await Self.register(
                #"{"client_name": "glocal", "redirect_uris": "https://glocal.example/cb", "scopes": "read"}"#,
                contentType: "application/json", sandbox: sandbox)
            #expect(jsonStatus == 200 && json["redirect_uri"] as? String == "https://glocal.example/cb")
            #expect(json["client_id"] as? String != form["client_id"] as? String)
        }
    }

    @Test func anAppWithoutANameIsRefusedInEitherForm() async throws {
        try await SandboxServer(state: SandboxState()).withRunning { sandbox in
            let (formStatus, form) = try await Self.register(
                "redirect_uris=https%3A%2F%2Fglocal.example%2Fcb", contentType: "application/x-www-form-urlencoded",
                sandbox: sandbox)
            #expect(formStatus == 422 && form["error"] as? String == "Validation failed: Application name can't be blank")
            let (jsonStatus, _) = try await Self.register(
                #"{"redirect_uris": "https://glocal.example/cb"}"#, contentType: "application/json", sandbox: sandbox)
            #expect(jsonStatus == 422)
        }
    }
}
