import Foundation
import GlocalSandbox
import Testing

/// What the sandbox's PDS refuses or requires, as the XRPC spec, the lexicons and the blob spec say, each value read
/// from `shared/specs` at test time.
@Suite struct BlueskyRequestCheckTests {
    static let token = "lumiere-fr~access"

    static func lexicon(_ nsid: String) throws -> [String: Any] {
        try #require(
            try SpecFiles.json("atproto/lexicons/" + nsid.replacingOccurrences(of: ".", with: "/") + ".json") as? [String: Any])
    }

    static func did(_ sandbox: SandboxCalls) async throws -> String {
        try #require(
            try await sandbox.call("GET", "bluesky/xrpc/com.atproto.server.getSession", token: token).object["did"] as? String)
    }

    static func create(_ sandbox: SandboxCalls, _ body: [String: Any]) async throws -> SandboxCalls.Answer {
        try await sandbox.call("POST", "bluesky/xrpc/com.atproto.repo.createRecord", token: token, json: body)
    }

    static func post(_ text: String, _ extra: [String: Any] = [:]) -> [String: Any] {
        ["$type": "app.bsky.feed.post", "text": text, "createdAt": "2026-12-01T09:00:00.000Z"].merging(extra) { $1 }
    }

    @Test func aMissingTokenIs401WithWWWAuthenticateAndGetRecordNeedsNone() async throws {
        let xrpc = try SpecFiles.text("atproto-website/xrpc.en.mdx")
        #expect(xrpc.contains("`401 Unauthorized`") && xrpc.contains("`WWW-Authenticate` header"))
        let getRecord = try Self.lexicon("com.atproto.repo.getRecord")
        let description = ((getRecord["defs"] as? [String: Any])?["main"] as? [String: Any])?["description"] as? String
        #expect(description?.contains("Does not require auth") == true)
        try await SandboxCalls.run { sandbox in
            let did = try await Self.did(sandbox)
            let created = try await Self.create(
                sandbox, ["repo": did, "collection": "app.bsky.feed.post", "record": Self.post("Bonjour")])
            let rkey = try #require((created.object["uri"] as? String)?.split(separator: "/").last)
            for answer in [
                try await sandbox.call(
                    "POST", "bluesky/xrpc/com.atproto.repo.createRecord",
                    json: ["repo": did, "collection": "app.bsky.feed.post", "record": Self.post("x")]),
                try await sandbox.call("POST", "bluesky/xrpc/com.atproto.repo.uploadBlob", raw: (Data([1]), "image/png")),
            ] {
                #expect(answer.status == 401)
                #expect(answer.headers["www-authenticate"]?.isEmpty == false)
                #expect(answer.object["error"] is String)
            }
            let fetched = try await sandbox.call(
                "GET", "bluesky/xrpc/com.atproto.repo.getRecord?repo=\(did)&collection=app.bsky.feed.post&rkey=\(rkey)")
            #expect(fetched.status == 200)
            let handle = "\(did.split(separator: ":").last ?? "").bsky.social"
            let byHandle = try await sandbox.call(
                "GET", "bluesky/xrpc/com.atproto.repo.getRecord?repo=\(handle)&collection=app.bsky.feed.post&rkey=\(rkey)")
            #expect(byHandle.status == 200, "a handle resolves without a session")
            let expired = try await sandbox.call("POST", "bluesky/xrpc/com.atproto.server.refreshSession")
            #expect(expired.status == 401)
        }
    }

    @Test func theResetHeaderIsTheWindowsReset() async throws {
        let headers = try SpecFiles.text("atproto/RATE-LIMIT-HEADERS.md")
        #expect(headers.contains("resetAt = Math.floor((Date.now() + status.msBeforeNext) / 1e3)"))
        try await SandboxCalls.run { sandbox in
            _ = await sandbox.state.setLimits(["bluesky": 6])
            let did = try await Self.did(sandbox)
            let first = try await Self.create(
                sandbox, ["repo": did, "collection": "app.bsky.feed.post", "record": Self.post("1")])
            let reset = try #require(first.headers["ratelimit-reset"].flatMap { Int($0) })
            await sandbox.state.advance(by: 3000)
            _ = try await Self.create(sandbox, ["repo": did, "collection": "app.bsky.feed.post", "record": Self.post("2")])
            let limited = try await Self.create(
                sandbox, ["repo": did, "collection": "app.bsky.feed.post", "record": Self.post("3")])
            #expect(limited.status == 429)
            #expect(limited.headers["ratelimit-reset"].flatMap { Int($0) } == reset)
            #expect(limited.headers["retry-after"] == "600")
        }
    }

    @Test func repeatedQueryParametersAreAnArray() async throws {
        let xrpc = try SpecFiles.text("atproto-website/xrpc.en.mdx")
        #expect(xrpc.contains("Multiple query parameters with the same name can be used to represent an array"))
        try await SandboxCalls.run { sandbox in
            let did = try await Self.did(sandbox)
            var uris: [String] = []
            for text in ["un", "deux"] {
                let created = try await Self.create(
                    sandbox, ["repo": did, "collection": "app.bsky.feed.post", "record": Self.post(text)])
                uris.append(try #require(created.object["uri"] as? String))
            }
            let views = try await sandbox.call(
                "GET", "bluesky/xrpc/app.bsky.feed.getPosts?uris=\(uris[0])&uris=\(uris[1])", token: Self.token)
            #expect((views.object["posts"] as? [[String: Any]])?.map { $0["uri"] as? String } == uris)
        }
    }

    @Test func collectionTypeDatetimeAndLangsAreValidated() async throws {
        let create = try Self.lexicon("com.atproto.repo.createRecord")
        let input = (((create["defs"] as? [String: Any])?["main"] as? [String: Any])?["input"] as? [String: Any])?["schema"]
        let properties = try #require((input as? [String: Any])?["properties"] as? [String: Any])
        #expect((properties["collection"] as? [String: Any])?["format"] as? String == "nsid")
        #expect(((properties["record"] as? [String: Any])?["description"] as? String)?.contains("$type") == true)
        let post = try Self.lexicon("app.bsky.feed.post")
        let record = (((post["defs"] as? [String: Any])?["main"] as? [String: Any])?["record"] as? [String: Any])
        let fields = try #require(record?["properties"] as? [String: Any])
        #expect((fields["createdAt"] as? [String: Any])?["format"] as? String == "datetime")
        let maxLangs = try #require((fields["langs"] as? [String: Any])?["maxLength"] as? Int)
        try await SandboxCalls.run { sandbox in
            let did = try await Self.did(sandbox)
            let refused: [[String: Any]] = [
                ["repo": did, "collection": "not an nsid", "record": Self.post("a")],
                ["repo": did, "record": Self.post("b")],
                ["repo": did, "collection": "app.bsky.feed.post", "record": ["text": "c", "createdAt": "2026-12-01T09:00:00Z"]],
                ["repo": did, "collection": "app.bsky.feed.post", "record": Self.post("d", ["createdAt": "yesterday"])],
                [
                    "repo": did, "collection": "app.bsky.feed.post",
                    "record": Self.post("e", ["langs": Array(repeating: "fr", count: maxLangs + 1)]),
                ],
            ]
            for body in refused {
                let answer = try await Self.create(sandbox, body)
                #expect(answer.status == 400 && answer.object["error"] as? String == "InvalidRequest", "\(body)")
            }
            let fine = try await Self.create(
                sandbox,
                [
                    "repo": did, "collection": "app.bsky.feed.post",
                    "record": Self.post(
                        "f", ["langs": Array(repeating: "fr", count: maxLangs), "createdAt": "2026-12-01T10:00:00+01:00"]),
                ])
            #expect(fine.status == 200)
        }
    }

    @Test func imagesMustBeUploadedImages() async throws {
        let blobSpec = try SpecFiles.text("atproto-website/blob.en.mdx")
        #expect(blobSpec.contains("Blobs must be uploaded to the PDS before a record can be created referencing that blob"))
        let images = try Self.lexicon("app.bsky.embed.images")
        let image = (((images["defs"] as? [String: Any])?["image"] as? [String: Any])?["properties"] as? [String: Any])?["image"]
        let accept = try #require((image as? [String: Any])?["accept"] as? [String])
        #expect(accept == ["image/*"])
        try await SandboxCalls.run { sandbox in
            let did = try await Self.did(sandbox)
            func embed(_ blob: Any) -> [String: Any] {
                ["embed": ["$type": "app.bsky.embed.images", "images": [["alt": "Un flacon", "image": blob]]]]
            }
            let text = try await sandbox.call(
                "POST", "bluesky/xrpc/com.atproto.repo.uploadBlob", token: Self.token, raw: (Data("hello".utf8), "text/plain"))
            let textBlob = try #require(text.object["blob"] as? [String: Any])
            let picture = try await sandbox.call(
                "POST", "bluesky/xrpc/com.atproto.repo.uploadBlob", token: Self.token,
                raw: (Data([0xFF, 0xD8, 0xFF]), "image/jpeg"))
            var pictureBlob = try #require(picture.object["blob"] as? [String: Any])
            var neverUploaded = pictureBlob
            neverUploaded["ref"] = ["$link": "bafkreibme22gw2h7y2h7tg2fhqotaqjucnbc24deqo72b6mkl2egezxhvy"]
            let notText = try await Self.create(
                sandbox, ["repo": did, "collection": "app.bsky.feed.post", "record": Self.post("g", embed(textBlob))])
            #expect(notText.status == 400)
            let missing = try await Self.create(
                sandbox, ["repo": did, "collection": "app.bsky.feed.post", "record": Self.post("h", embed(neverUploaded))])
            #expect(missing.status == 400)
            let uploaded = try await Self.create(
                sandbox, ["repo": did, "collection": "app.bsky.feed.post", "record": Self.post("i", embed(pictureBlob))])
            #expect(uploaded.status == 200)
            pictureBlob["mimeType"] = "text/plain"
            let claimedText = try await Self.create(
                sandbox, ["repo": did, "collection": "app.bsky.feed.post", "record": Self.post("j", embed(pictureBlob))])
            #expect(claimedText.status == 400)
            for answer in [notText, missing, claimedText] { #expect(answer.object["error"] is String) }
        }
    }

    @Test func refreshSessionTakesTheRefreshJWTNotTheAccessJWT() async throws {
        let lexicon = try Self.lexicon("com.atproto.server.refreshSession")
        let main = (lexicon["defs"] as? [String: Any])?["main"] as? [String: Any]
        #expect((main?["description"] as? String)?.contains("not the 'accessJwt'") == true)
        let errors = (main?["errors"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        try await SandboxCalls.run { sandbox in
            let first = try await sandbox.call(
                "POST", "bluesky/xrpc/com.atproto.server.refreshSession", token: "lumiere-fr~refresh")
            #expect(first.status == 200)
            let access = try #require(first.object["accessJwt"] as? String)
            let refresh = try #require(first.object["refreshJwt"] as? String)
            let wrong = try await sandbox.call("POST", "bluesky/xrpc/com.atproto.server.refreshSession", token: access)
            #expect(wrong.status == 400)
            #expect(errors.contains(wrong.object["error"] as? String ?? ""), "one of the lexicon's errors: \(errors)")
            let right = try await sandbox.call("POST", "bluesky/xrpc/com.atproto.server.refreshSession", token: refresh)
            #expect(right.status == 200)
        }
    }
}
