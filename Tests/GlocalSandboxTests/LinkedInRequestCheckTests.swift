import Foundation
import Testing

/// LinkedIn's version header and a post's `author`, as `shared/specs/linkedin/EXCERPTS.md` quotes them.
@Suite struct LinkedInRequestCheckTests {
    static let versioned = ["LinkedIn-Version": "202601", "X-Restli-Protocol-Version": "2.0.0"]

    @Test func aVersionMustBeAReleasedYYYYMM() async throws {
        let excerpts = try SpecFiles.text("linkedin/EXCERPTS.md")
        #expect(
            excerpts.contains("(format: YYYYMM)") && excerpts.contains("All APIs require the request header Linkedin-Version"))
        try await SandboxCalls.run { sandbox in
            for version in ["202513", "abcdef", "202101", "2026-01"] {
                let answer = try await LinkedInAnswerTests.post(
                    sandbox, commentary: "version \(version)",
                    headers: ["LinkedIn-Version": version, "X-Restli-Protocol-Version": "2.0.0"])
                #expect(answer.status == 426, "\(version)")
                #expect(answer.object["code"] as? String == "NONEXISTENT_VERSION")
            }
            let created = try await LinkedInAnswerTests.post(sandbox, commentary: "fine", headers: Self.versioned)
            #expect(created.status == 201)
            let urn = try #require(created.headers["x-restli-id"])
            let escaped = urn.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? urn
            let bare = try await sandbox.call("GET", "linkedin/rest/socialActions/\(escaped)", token: "li~t")
            #expect(bare.status == 426, "socialActions need the version too")
            let noRestli = try await sandbox.call(
                "GET", "linkedin/rest/socialActions/\(escaped)", token: "li~t", headers: ["LinkedIn-Version": "202601"])
            #expect(noRestli.status == 400)
            let full = try await sandbox.call(
                "GET", "linkedin/rest/socialActions/\(escaped)", token: "li~t", headers: Self.versioned)
            #expect(full.status == 200)
        }
    }

    @Test func aPostNeedsAPersonOrOrganizationAuthor() async throws {
        let line = try #require(
            try SpecFiles.text("linkedin/EXCERPTS.md").components(separatedBy: "\n").first { $0.hasPrefix("\"author |") })
        #expect(line.contains("Person or Organization URN") && line.contains("create-only required"))
        try await SandboxCalls.run { sandbox in
            let base: [String: Any] = [
                "commentary": "who", "visibility": "PUBLIC", "lifecycleState": "PUBLISHED",
                "distribution": ["feedDistribution": "MAIN_FEED"],
            ]
            for author in [nil, "alice", "urn:li:share:1"] as [String?] {
                var body = base
                body["author"] = author
                let answer = try await sandbox.call(
                    "POST", "linkedin/rest/posts", token: "li~t", json: body, headers: Self.versioned)
                #expect(answer.status == 422, "\(author ?? "no author")")
                #expect(answer.object["status"] as? Int == 422 && answer.object["message"] is String)
            }
            for author in ["urn:li:person:abc123", "urn:li:organization:99"] {
                var body = base
                body["author"] = author
                let answer = try await sandbox.call(
                    "POST", "linkedin/rest/posts", token: "li~t", json: body, headers: Self.versioned)
                #expect(answer.status == 201, "\(author)")
            }
        }
    }
}
