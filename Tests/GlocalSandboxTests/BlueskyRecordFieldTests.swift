import Foundation
import GlocalSandbox
import Testing

/// The `app.bsky.feed.post` fields the PDS validates beyond text and images, each rule read from the lexicons and
/// the interop vectors at test time: `langs` items of format `language`, `tags`, `facets`, `reply`, the text's byte
/// limit, and `getPosts`' `uris`.
@Suite struct BlueskyRecordFieldTests {
    static func defs(_ nsid: String) throws -> [String: Any] {
        try #require(try BlueskyRequestCheckTests.lexicon(nsid)["defs"] as? [String: Any])
    }

    static func postFields() throws -> [String: Any] {
        let main = try Self.defs("app.bsky.feed.post")["main"] as? [String: Any]
        return try #require((main?["record"] as? [String: Any])?["properties"] as? [String: Any])
    }

    static func createPost(_ sandbox: SandboxCalls, did: String, _ extra: [String: Any]) async throws
        -> SandboxCalls.Answer
    {
        try await BlueskyRequestCheckTests.create(
            sandbox, ["repo": did, "collection": "app.bsky.feed.post", "record": BlueskyRequestCheckTests.post("Bonjour", extra)])
    }

    @Test func langsAreLanguageTagsAsTheVectorsSay() async throws {
        let langs = try #require(try Self.postFields()["langs"] as? [String: Any])
        #expect((langs["items"] as? [String: Any])?["format"] as? String == "language")
        let valid = try SpecFiles.vectors("language_syntax_valid.txt")
        let invalid =
            try SpecFiles.vectors("language_syntax_invalid.txt") + SpecFiles.vectors("language_parse_invalid.txt")
        try await SandboxCalls.run { sandbox in
            let did = try await BlueskyRequestCheckTests.did(sandbox)
            for tag in valid {
                let answer = try await Self.createPost(sandbox, did: did, ["langs": [tag]])
                #expect(answer.status == 200, "valid language \(tag) refused: \(answer.object)")
            }
            for tag in invalid {
                let answer = try await Self.createPost(sandbox, did: did, ["langs": [tag]])
                #expect(answer.status == 400 && answer.object["error"] as? String == "InvalidRequest", "invalid \(tag)")
            }
        }
    }

    @Test func tagsFacetsAndRepliesFollowTheirLexicons() async throws {
        let tags = try #require(try Self.postFields()["tags"] as? [String: Any])
        let maxTags = try #require(tags["maxLength"] as? Int)
        let maxTagGraphemes = try #require((tags["items"] as? [String: Any])?["maxGraphemes"] as? Int)
        let facet = try Self.defs("app.bsky.richtext.facet")
        #expect((facet["main"] as? [String: Any])?["required"] as? [String] == ["index", "features"])
        let slice = try #require(facet["byteSlice"] as? [String: Any])
        #expect(slice["required"] as? [String] == ["byteStart", "byteEnd"])
        let start = (slice["properties"] as? [String: Any])?["byteStart"] as? [String: Any]
        let minimum = try #require(start?["minimum"] as? Int)
        let mention = (facet["mention"] as? [String: Any])?["properties"] as? [String: Any]
        #expect((mention?["did"] as? [String: Any])?["format"] as? String == "did")
        let replyRef = try #require(try Self.defs("app.bsky.feed.post")["replyRef"] as? [String: Any])
        #expect(replyRef["required"] as? [String] == ["root", "parent"])
        let text = try #require(try Self.postFields()["text"] as? [String: Any])
        let maxBytes = try #require(text["maxLength"] as? Int)
        let maxGraphemes = try #require(text["maxGraphemes"] as? Int)

        try await SandboxCalls.run { sandbox in
            func facets(_ index: [String: Any], _ feature: [String: Any]) -> [String: Any] {
                ["facets": [["index": index, "features": [feature]]]]
            }
            let link: [String: Any] = ["$type": "app.bsky.richtext.facet#link", "uri": "https://example.com"]
            let did = try await BlueskyRequestCheckTests.did(sandbox)
            let parent = try await Self.createPost(sandbox, did: did, [:])
            let ref: [String: Any] = ["uri": parent.object["uri"] ?? "", "cid": parent.object["cid"] ?? ""]
            let refused: [[String: Any]] = [
                ["tags": Array(repeating: "mode", count: maxTags + 1)],
                ["tags": [String(repeating: "a", count: maxTagGraphemes + 1)]],
                facets(["byteStart": minimum - 1, "byteEnd": 3], link),
                facets(["byteStart": 0], link),
                ["facets": [["index": ["byteStart": 0, "byteEnd": 3]]]],
                facets(["byteStart": 0, "byteEnd": 3], ["$type": "app.bsky.richtext.facet#mention", "did": "alice"]),
                facets(["byteStart": 0, "byteEnd": 3], ["$type": "app.bsky.richtext.facet#link", "uri": "not a uri"]),
                ["reply": ["parent": ref]],
                ["reply": ["root": ref, "parent": ["uri": ref["uri"] ?? ""]]],
            ]
            for extra in refused {
                let answer = try await Self.createPost(sandbox, did: did, extra)
                #expect(answer.status == 400 && answer.object["error"] as? String == "InvalidRequest", "\(extra)")
            }
            let fine = try await Self.createPost(
                sandbox, did: did,
                facets(["byteStart": 0, "byteEnd": 3], link).merging(
                    ["tags": Array(repeating: "mode", count: maxTags), "reply": ["root": ref, "parent": ref]]) { $1 })
            #expect(fine.status == 200, "\(fine.object)")

            let bytes = try await BlueskyRequestCheckTests.create(
                sandbox,
                [
                    "repo": did, "collection": "app.bsky.feed.post",
                    "record": BlueskyRequestCheckTests.post(String(repeating: "👩‍👩‍👧‍👦", count: maxGraphemes)),
                ])
            #expect(bytes.status == 400)
            #expect((bytes.object["message"] as? String)?.contains("\(maxBytes)") == true, "names the byte limit")
        }
    }

    @Test func getPostsTakesAtMostItsMaximumOfATURIs() async throws {
        let main = try Self.defs("app.bsky.feed.getPosts")["main"] as? [String: Any]
        let parameters = main?["parameters"] as? [String: Any]
        #expect(parameters?["required"] as? [String] == ["uris"])
        let uris = (parameters?["properties"] as? [String: Any])?["uris"] as? [String: Any]
        let maximum = try #require(uris?["maxLength"] as? Int)
        try await SandboxCalls.run { sandbox in
            let did = try await BlueskyRequestCheckTests.did(sandbox)
            let created = try await Self.createPost(sandbox, did: did, [:])
            let uri = try #require(created.object["uri"] as? String)
            func getPosts(_ count: Int) async throws -> SandboxCalls.Answer {
                let query = Array(repeating: "uris=\(uri)", count: count).joined(separator: "&")
                return try await sandbox.call(
                    "GET", "bluesky/xrpc/app.bsky.feed.getPosts?\(query)", token: BlueskyRequestCheckTests.token)
            }
            #expect(try await getPosts(maximum).status == 200)
            for answer in [try await getPosts(maximum + 1), try await getPosts(0)] {
                #expect(answer.status == 400 && answer.object["error"] as? String == "InvalidRequest")
            }
        }
    }

    @Test func validateAndRecordKeysFollowCreateRecord() async throws {
        let main = try Self.defs("com.atproto.repo.createRecord")["main"] as? [String: Any]
        let input = ((main?["input"] as? [String: Any])?["schema"] as? [String: Any])?["properties"] as? [String: Any]
        let validate = (input?["validate"] as? [String: Any])?["description"] as? String ?? ""
        #expect(validate.contains("'false' to skip") && validate.contains("validate only for known Lexicons"))
        #expect((input?["rkey"] as? [String: Any])?["format"] as? String == "record-key")
        let output = ((main?["output"] as? [String: Any])?["schema"] as? [String: Any])?["properties"] as? [String: Any]
        let statuses = (output?["validationStatus"] as? [String: Any])?["knownValues"] as? [String] ?? []
        #expect(statuses == ["valid", "unknown"])
        let validKeys = try SpecFiles.vectors("recordkey_syntax_valid.txt")
        try await SandboxCalls.run { sandbox in
            let did = try await BlueskyRequestCheckTests.did(sandbox)
            let note: [String: Any] = ["$type": "com.example.note", "body": "Bonjour"]
            for (index, key) in validKeys.prefix(5).enumerated() {
                let unknown = try await BlueskyRequestCheckTests.create(
                    sandbox, ["repo": did, "collection": "com.example.note", "rkey": key + "\(index)", "record": note])
                #expect(unknown.status == 200, "record key \(key): \(unknown.object)")
                #expect(unknown.object["validationStatus"] as? String == statuses[1], "an unknown lexicon is not validated")
            }
            let required = try await BlueskyRequestCheckTests.create(
                sandbox, ["repo": did, "collection": "com.example.note", "record": note, "validate": true])
            #expect(required.status == 400 && required.object["error"] as? String == "InvalidRequest")
            let unchecked = try await BlueskyRequestCheckTests.create(
                sandbox,
                [
                    "repo": did, "collection": "app.bsky.feed.post", "validate": false,
                    "record": BlueskyRequestCheckTests.post("Sans date", ["createdAt": "hier"]),
                ])
            #expect(unchecked.status == 200, "validate false skips the lexicon")
            #expect(unchecked.object["validationStatus"] as? String != statuses[0])
            let checked = try await Self.createPost(sandbox, did: did, [:])
            #expect(checked.object["validationStatus"] as? String == statuses[0])
        }
    }

    @Test func getRecordNeedsItsThreeParameters() async throws {
        let main = try Self.defs("com.atproto.repo.getRecord")["main"] as? [String: Any]
        let parameters = main?["parameters"] as? [String: Any]
        let required = try #require(parameters?["required"] as? [String])
        #expect(required == ["repo", "collection", "rkey"])
        try await SandboxCalls.run { sandbox in
            let did = try await BlueskyRequestCheckTests.did(sandbox)
            let created = try await Self.createPost(sandbox, did: did, [:])
            let rkey = try #require((created.object["uri"] as? String)?.split(separator: "/").last.map(String.init))
            let all = ["repo": did, "collection": "app.bsky.feed.post", "rkey": rkey]
            func get(_ query: [String: String]) async throws -> SandboxCalls.Answer {
                let text = query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
                return try await sandbox.call("GET", "bluesky/xrpc/com.atproto.repo.getRecord?\(text)")
            }
            #expect(try await get(all).status == 200)
            for name in required {
                let answer = try await get(all.filter { $0.key != name })
                #expect(answer.status == 400 && answer.object["error"] as? String == "InvalidRequest", "without \(name)")
            }
            let badKey = try await get(all.merging(["rkey": ".."]) { $1 })
            #expect(badKey.status == 400 && badKey.object["error"] as? String == "InvalidRequest")
        }
    }
}
