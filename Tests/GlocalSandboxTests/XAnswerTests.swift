import Foundation
import GlocalSandbox
import Testing

/// Every kind of answer the sandbox's X API gives, checked against X's OpenAPI documents: tweets and users against
/// `xdk-latest-openapi.json` (the `tweet.fields` version glocal speaks), media against `openapi.json` (whose
/// `MediaUploadResponse` describes the upload; the xdk one describes the status check).
@Suite struct XAnswerTests {
    static let token = "lumiere-us~access"

    static func check(_ answer: SandboxCalls.Answer, _ method: String, _ path: String, in spec: OpenAPIChecker) -> [String] {
        let type = answer.status >= 400 ? "application/problem+json" : "application/json"
        guard answer.contentType.hasPrefix(type) else { return ["content type \(answer.contentType), not \(type)"] }
        guard let schema = spec.responseSchema(method, path, status: answer.status, contentType: type) else {
            return ["no schema for \(method) \(path) \(answer.status)"]
        }
        guard let json = answer.json else { return ["not JSON"] }
        return spec.problems(json, against: schema)
    }

    @Test func postsUsersAndLookUpsFollowTheOpenAPI() async throws {
        let spec = try OpenAPIChecker("x/xdk-latest-openapi.json")
        try await SandboxCalls.run { sandbox in
            let me = try await sandbox.call("GET", "x/2/users/me", token: Self.token)
            #expect(me.status == 200)
            #expect(Self.check(me, "GET", "/2/users/me", in: spec) == [])
            let user = try #require((me.object["data"] as? [String: Any])?["id"] as? String)
            #expect(user.range(of: "^[0-9]{1,19}$", options: .regularExpression) != nil, "a numeric user id: \(user)")

            let created = try await sandbox.call("POST", "x/2/tweets", token: Self.token, json: ["text": "Hydra is here"])
            #expect(created.status == 201)
            #expect(Self.check(created, "POST", "/2/tweets", in: spec) == [])
            let id = try #require((created.object["data"] as? [String: Any])?["id"] as? String)

            let timeline = try await sandbox.call("GET", "x/2/users/\(user)/tweets?max_results=100", token: Self.token)
            #expect(Self.check(timeline, "GET", "/2/users/{id}/tweets", in: spec) == [])
            let listed = (timeline.object["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(listed == [id], "the look-up by numeric user id finds the post")

            let metrics = try await sandbox.call("GET", "x/2/tweets?ids=\(id),1&tweet.fields=public_metrics", token: Self.token)
            #expect(metrics.status == 200)
            #expect(Self.check(metrics, "GET", "/2/tweets", in: spec) == [])
            #expect((metrics.object["errors"] as? [Any])?.count == 1, "the unknown id is a partial error")
        }
    }

    @Test func errorsAreProblemDetailsOfTheirType() async throws {
        let spec = try OpenAPIChecker("x/xdk-latest-openapi.json")
        try await SandboxCalls.run { sandbox in
            _ = try await sandbox.call("POST", "x/2/tweets", token: Self.token, json: ["text": "Same text"])
            let duplicate = try await sandbox.call("POST", "x/2/tweets", token: Self.token, json: ["text": "Same text"])
            #expect(duplicate.status == 403)
            #expect(Self.check(duplicate, "POST", "/2/tweets", in: spec) == [])
            let empty = try await sandbox.call("POST", "x/2/tweets", token: Self.token, json: ["text": ""])
            #expect(empty.status == 400)
            #expect(Self.check(empty, "POST", "/2/tweets", in: spec) == [])
            #expect((empty.object["type"] as? String)?.hasSuffix("/2/problems/invalid-request") == true)
            #expect((empty.object["errors"] as? [Any])?.isEmpty == false)
            let named = try await sandbox.call("GET", "x/2/users/lumiere-us/tweets", token: Self.token)
            #expect(named.status == 400, "a user id must be numeric")
            #expect(Self.check(named, "GET", "/2/users/{id}/tweets", in: spec) == [])
            let unauthorized = try await sandbox.call("POST", "x/2/tweets", json: ["text": "x"])
            #expect(unauthorized.status == 401)
            #expect(Self.check(unauthorized, "POST", "/2/tweets", in: spec) == [])
            await sandbox.state.inject(SandboxFault(network: "x", kind: .rateLimit, seconds: 60))
            let limited = try await sandbox.call("POST", "x/2/tweets", token: Self.token, json: ["text": "y"])
            #expect(limited.status == 429)
            #expect(Self.check(limited, "POST", "/2/tweets", in: spec) == [])
            await sandbox.state.inject(SandboxFault(network: "x", kind: .serverError))
            let failed = try await sandbox.call("POST", "x/2/tweets", token: Self.token, json: ["text": "z"])
            #expect(failed.status == 503)
            #expect(Self.check(failed, "POST", "/2/tweets", in: spec) == [])
        }
    }

    @Test func mediaUploadAndAltTextFollowTheOpenAPI() async throws {
        let spec = try OpenAPIChecker("x/openapi.json")
        try await SandboxCalls.run { sandbox in
            let upload = try await sandbox.call(
                "POST", "x/2/media/upload", token: Self.token,
                raw: SandboxCalls.multipart(
                    fields: [("media_category", "tweet_image")], file: ("media", "image/jpeg", Data([0xFF, 0xD8, 0xFF]))))
            #expect(upload.status == 200)
            #expect(Self.check(upload, "POST", "/2/media/upload", in: spec) == [])
            let media = try #require((upload.object["data"] as? [String: Any])?["id"] as? String)
            let request: [String: Any] = ["id": media, "metadata": ["alt_text": ["text": "A bottle of Hydra"]]]
            let requestSchema = try #require(spec.component("CreateMediaMetadataRequest"))
            #expect(spec.problems(request, against: requestSchema) == [], "what the client sends is a valid request")
            let described = try await sandbox.call("POST", "x/2/media/metadata", token: Self.token, json: request)
            #expect(described.status == 200)
            #expect(Self.check(described, "POST", "/2/media/metadata", in: spec) == [])
            #expect(await sandbox.state.storedPosts(network: "x").first { $0.id == media }?.altText == "A bottle of Hydra")
            let foreign = try await sandbox.call("POST", "x/2/media/metadata", token: "someone-else~t", json: request)
            #expect(foreign.status == 400)
            // maxLength counts code points, as JSON Schema does: 500 decomposed "é" are 1 000 (accepted),
            // 501 are 1 002 (refused), though both are far fewer graphemes.
            for (count, status) in [(500, 200), (501, 400)] {
                let alt = String(repeating: "e\u{301}", count: count)
                let long: [String: Any] = ["id": media, "metadata": ["alt_text": ["text": alt]]]
                let answer = try await sandbox.call("POST", "x/2/media/metadata", token: Self.token, json: long)
                #expect(answer.status == status, "\(alt.unicodeScalars.count) code points")
            }
        }
    }
}
