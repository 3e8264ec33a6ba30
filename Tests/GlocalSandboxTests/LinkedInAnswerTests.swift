import Foundation
import Testing

/// LinkedIn's Posts API in the sandbox, against the documentation quoted in `shared/specs/linkedin/EXCERPTS.md`.
@Suite struct LinkedInAnswerTests {
    static let author = "urn:li:organization:99"

    static func post(_ sandbox: SandboxCalls, commentary: String, headers: [String: String]) async throws -> SandboxCalls.Answer {
        try await sandbox.call(
            "POST", "linkedin/rest/posts", token: "li~t",
            json: [
                "author": author, "commentary": commentary, "visibility": "PUBLIC", "lifecycleState": "PUBLISHED",
                "distribution": ["feedDistribution": "MAIN_FEED"], "isReshareDisabledByAuthor": false,
            ], headers: headers)
    }

    @Test func postsNeedTheDocumentedHeadersAndAnswerTheirURN() async throws {
        let excerpts = try SpecFiles.text("linkedin/EXCERPTS.md")
        #expect(excerpts.contains("X-Restli-Protocol-Version: 2.0.0") && excerpts.contains("Linkedin-Version"))
        try await SandboxCalls.run { sandbox in
            let versioned = ["LinkedIn-Version": "202601", "X-Restli-Protocol-Version": "2.0.0"]
            let created = try await Self.post(sandbox, commentary: "{hashtag|#|HydraSerum}", headers: versioned)
            #expect(created.status == 201)
            let urn = created.headers["x-restli-id"] ?? ""
            #expect(urn.range(of: "^urn:li:share:[0-9]+$", options: .regularExpression) != nil, "x-restli-id: \(urn)")
            let unversioned = try await Self.post(sandbox, commentary: "a", headers: ["X-Restli-Protocol-Version": "2.0.0"])
            #expect(unversioned.status == 426)
            let noRestli = try await Self.post(sandbox, commentary: "b", headers: ["LinkedIn-Version": "202601"])
            #expect(noRestli.status == 400)
            for answer in [unversioned, noRestli] {
                #expect(answer.object["status"] as? Int == answer.status && answer.object["message"] is String)
            }
        }
    }
}
