import Foundation
import GlocalSandbox
import Testing

/// `POST /2/tweets` takes exactly what both OpenAPI versions' request schemas describe, and X's problems carry the
/// `type` the newest documents give (`openapi.json` v2.167's discriminator, the response-codes page's examples).
@Suite struct XTweetRequestSchemaTests {
    static let token = "lumiere-us~access"

    static func schemas() throws -> [(spec: OpenAPIChecker, request: [String: Any])] {
        let latest = try OpenAPIChecker("x/openapi.json")
        let xdk = try OpenAPIChecker("x/xdk-latest-openapi.json")
        return [
            (latest, try #require(latest.component("CreatePostsRequest"))),
            (xdk, try #require(xdk.component("TweetCreateRequest"))),
        ]
    }

    static func property(_ spec: OpenAPIChecker, _ schema: [String: Any], _ name: String) -> [String: Any] {
        var property = (schema["properties"] as? [String: Any])?[name] as? [String: Any] ?? [:]
        if let reference = property["$ref"] as? String {
            property = spec.component(String(reference.split(separator: "/").last ?? "")) ?? [:]
        }
        return property
    }

    @Test func whatTheSchemaDoesNotAllowIsAnInvalidRequest() async throws {
        var minOptions: [Int] = []
        var mediaDescriptions: [String] = []
        for (spec, request) in try Self.schemas() {
            #expect(request["additionalProperties"] as? Bool == false, "no field outside the schema")
            let reply = Self.property(spec, request, "reply")
            #expect((reply["required"] as? [String]) == ["in_reply_to_tweet_id"])
            #expect(reply["additionalProperties"] as? Bool == false)
            let settings = Self.property(spec, request, "reply_settings")["enum"] as? [String] ?? []
            #expect(!settings.isEmpty && !settings.contains("everyone"))
            let poll = Self.property(spec, request, "poll")
            let options = (poll["properties"] as? [String: Any])?["options"] as? [String: Any]
            minOptions.append(try #require(options?["minItems"] as? Int))
            mediaDescriptions.append(Self.property(spec, request, "media")["description"] as? String ?? "")
        }
        #expect(mediaDescriptions.contains { $0.contains("mutually exclusive") }, "xdk: media excludes quote, poll, card")
        let fewestOptions = try #require(minOptions.max())
        try await SandboxCalls.run { sandbox in
            let spec = try OpenAPIChecker("x/openapi.json")
            let refused: [[String: Any]] = [
                ["text": "Bonjour", "tweet_mode": "extended"],
                ["text": "Bonjour", "reply": ["auto_populate_reply_metadata": true]],
                ["text": "Bonjour", "reply": ["in_reply_to_tweet_id": "1", "unknown": 1]],
                ["text": "Bonjour", "reply_settings": "everyone"],
                ["text": "Bonjour", "quote_tweet_id": "not-a-number"],
                [
                    "text": "Bonjour",
                    "poll": ["options": Array(repeating: "Oui", count: fewestOptions - 1), "duration_minutes": 60],
                ],
            ]
            for body in refused {
                let answer = try await sandbox.call("POST", "x/2/tweets", token: Self.token, json: body)
                #expect(answer.status == 400, "\(body)")
                #expect((answer.object["type"] as? String)?.hasSuffix("/2/problems/invalid-request") == true, "\(body)")
                #expect(XAnswerTests.check(answer, "POST", "/2/tweets", in: spec) == [], "\(body)")
            }
            let upload = try await XRequestCheckTests.upload(sandbox)
            let both = try await sandbox.call(
                "POST", "x/2/tweets", token: Self.token,
                json: [
                    "text": "Sondage", "media": ["media_ids": [upload]],
                    "poll": ["options": ["a", "b"], "duration_minutes": 60],
                ])
            #expect(both.status == 400, "media and a poll are mutually exclusive")
            let fine = try await sandbox.call(
                "POST", "x/2/tweets", token: Self.token,
                json: ["text": "Bonjour", "reply_settings": "following", "made_with_ai": false, "media": ["media_ids": [upload]]])
            #expect(fine.status == 201, "fields the schema names are taken")
            let id = try #require((fine.object["data"] as? [String: Any])?["id"] as? String)
            let reply = try await sandbox.call(
                "POST", "x/2/tweets", token: Self.token, json: ["text": "Suite", "reply": ["in_reply_to_tweet_id": id]])
            #expect(reply.status == 201)
        }
    }

    @Test func problemTypesAreTheNewestDocumentsOnes() async throws {
        let page = try SpecFiles.text("x/x-api_fundamentals_response-codes-and-errors.mdx")
        let documented = page.components(separatedBy: "\"type\": \"").dropFirst()
            .compactMap { $0.split(separator: "\"").first.map(String.init) }
        #expect(
            documented.contains { $0.hasSuffix("/invalid-request") }
                && documented.contains { $0.hasSuffix("/resource-not-found") })
        let spec = try OpenAPIChecker("x/openapi.json")
        let latest = try OpenAPIChecker("x/xdk-latest-openapi.json")
        try await SandboxCalls.run { sandbox in
            let empty = try await sandbox.call("POST", "x/2/tweets", token: Self.token, json: ["text": ""])
            #expect(empty.status == 400)
            #expect(documented.contains(empty.object["type"] as? String ?? ""), "\(empty.object["type"] ?? "")")
            #expect(XAnswerTests.check(empty, "POST", "/2/tweets", in: spec) == [])
            #expect(XAnswerTests.check(empty, "POST", "/2/tweets", in: latest) == [])
            let missing = try await sandbox.call("DELETE", "x/2/tweets/1234", token: Self.token)
            #expect(missing.status == 404)
            #expect(documented.contains(missing.object["type"] as? String ?? ""))
            #expect(XAnswerTests.check(missing, "DELETE", "/2/tweets/{id}", in: spec) == [])
            let partial = try await sandbox.call("GET", "x/2/tweets?ids=1234", token: Self.token)
            let errors = partial.object["errors"] as? [[String: Any]] ?? []
            #expect(errors.count == 1 && errors.allSatisfy { documented.contains($0["type"] as? String ?? "") })
            #expect(XAnswerTests.check(partial, "GET", "/2/tweets", in: spec) == [])
        }
    }
}
