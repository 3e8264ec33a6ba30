import Foundation
import GlocalSandbox
import Testing

/// The sandbox refuses a version its own clock says the network no longer serves, in the network's own words.
@Suite struct APIVersionRefusalTests {
    static let headers = ["X-Restli-Protocol-Version": "2.0.0"]

    static func linkedInPost(_ sandbox: SandboxCalls, version: String, text: String) async throws -> SandboxCalls.Answer {
        try await sandbox.call(
            "POST", "linkedin/rest/posts", token: "li~t",
            json: [
                "author": "urn:li:organization:99", "commentary": text, "visibility": "PUBLIC", "lifecycleState": "PUBLISHED",
                "distribution": ["feedDistribution": "MAIN_FEED"], "isReshareDisabledByAuthor": false,
            ], headers: headers.merging(["LinkedIn-Version": version]) { a, _ in a })
    }

    @Test func linkedInAnswers426NonexistentVersionForASunsetVersion() async throws {
        try await SandboxCalls.run { sandbox in
            // 2026-12-01: 202505 is past its sunset, 202606 is served.
            let refused = try await Self.linkedInPost(sandbox, version: "202505", text: "old")
            #expect(refused.status == 426)
            #expect(refused.object["status"] as? Int == 426)
            #expect(refused.object["code"] as? String == "NONEXISTENT_VERSION")
            #expect(refused.object["message"] as? String == "Requested version 202505 is not active")
            #expect(try await Self.linkedInPost(sandbox, version: "202606", text: "current").status == 201)
            // A version not released yet on the sandbox's clock does not exist either.
            #expect(try await Self.linkedInPost(sandbox, version: "202701", text: "future").status == 426)
            #expect(await sandbox.state.storedPosts(network: "linkedin").filter { $0.kind == "post" }.count == 1)
        }
    }

    @Test func graphRefusesAVersionOnceTheSandboxClockPassesItsExpiry() async throws {
        try await SandboxCalls.run { sandbox in
            let page = "102938475610293"
            let before = try await sandbox.call(
                "POST", "facebook/v21.0/\(page)/feed", token: "p~t", form: [("message", "Avant")])
            #expect(before.status == 200)
            await sandbox.state.setNow(Date(timeIntervalSince1970: 1_800_489_600))  // 2027-01-21 00:00:00 UTC
            for network in ["facebook", "instagram"] {
                let after = try await sandbox.call(
                    "POST", "\(network)/v21.0/\(page)/\(network == "facebook" ? "feed" : "media")", token: "p~t",
                    form: [("message", "Après"), ("image_url", "https://cdn.example/a.jpg")])
                #expect(after.status == 400)
                let error = after.object["error"] as? [String: Any] ?? [:]
                #expect(error["code"] as? Int == 2635 && error["type"] as? String == "OAuthException")
                let message = error["message"] as? String ?? ""
                #expect(message.hasPrefix("(#2635) You are calling a deprecated version of the Graph API"))
                #expect(message.contains("v21.0 was available until 2027-01-21") && message.hasSuffix("latest version: v26.0."))
            }
            let current = try await sandbox.call(
                "POST", "facebook/v25.0/\(page)/feed", token: "p~t", form: [("message", "Après, en v25.0")])
            #expect(current.status == 200)
            #expect(await sandbox.state.storedPosts(network: "facebook").filter { $0.kind == "post" }.count == 2)
        }
    }
}
