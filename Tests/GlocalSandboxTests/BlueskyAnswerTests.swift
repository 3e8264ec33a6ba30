import Crypto
import Foundation
import Testing

/// Every kind of answer the sandbox's Bluesky PDS gives, checked against the atproto lexicons and syntax rules.
@Suite struct BlueskyAnswerTests {
    static let token = "lumiere-fr~access"
    static let lexicons = [
        "com.atproto.repo.createRecord", "com.atproto.repo.getRecord", "com.atproto.repo.uploadBlob",
        "com.atproto.repo.defs", "com.atproto.repo.strongRef", "com.atproto.server.refreshSession",
        "app.bsky.feed.getPosts", "app.bsky.feed.defs", "app.bsky.feed.post", "app.bsky.actor.defs",
        "app.bsky.richtext.facet", "app.bsky.embed.images", "app.bsky.embed.external", "app.bsky.embed.defs",
    ]

    static func record(text: String, image: Any? = nil) -> [String: Any] {
        var record: [String: Any] = [
            "$type": "app.bsky.feed.post", "text": text, "createdAt": "2026-12-01T09:00:00.000Z", "langs": ["fr"],
        ]
        if let image { record["embed"] = ["$type": "app.bsky.embed.images", "images": [["alt": "Un flacon", "image": image]]] }
        return record
    }

    @Test func sessionAnswersAValidDIDAndHandleThatOwnTheRepo() async throws {
        let checker = try LexiconChecker(Self.lexicons)
        try await SandboxCalls.run { sandbox in
            let session = try await sandbox.call(
                "POST", "bluesky/xrpc/com.atproto.server.refreshSession", token: "lumiere-fr~refresh")
            #expect(session.status == 200)
            #expect(checker.outputProblems(session.object, of: "com.atproto.server.refreshSession") == [])
            let did = try #require(session.object["did"] as? String)
            #expect(did.hasPrefix("did:plc:") && did.count == 32, "did:plc: and 24 base32 characters: \(did)")
            #expect(did.dropFirst(8).allSatisfy { "abcdefghijklmnopqrstuvwxyz234567".contains($0) })
            let created = try await sandbox.call(
                "POST", "bluesky/xrpc/com.atproto.repo.createRecord", token: session.object["accessJwt"] as? String,
                json: ["repo": did, "collection": "app.bsky.feed.post", "record": Self.record(text: "Bonjour")])
            #expect(created.status == 200)
            let other = try await sandbox.call(
                "POST", "bluesky/xrpc/com.atproto.repo.createRecord", token: Self.token,
                json: ["repo": "lumiere-fr", "collection": "app.bsky.feed.post", "record": Self.record(text: "x")])
            #expect(other.status == 400 && other.object["error"] as? String == "InvalidRequest")
        }
    }

    @Test func createGetAndViewAnswersFollowTheLexicons() async throws {
        let checker = try LexiconChecker(Self.lexicons)
        try await SandboxCalls.run { sandbox in
            let did = try #require(
                try await sandbox.call("GET", "bluesky/xrpc/com.atproto.server.getSession", token: Self.token)
                    .object["did"] as? String)
            let bytes = Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3])
            let upload = try await sandbox.call(
                "POST", "bluesky/xrpc/com.atproto.repo.uploadBlob", token: Self.token, raw: (bytes, "image/jpeg"))
            #expect(upload.status == 200)
            #expect(checker.outputProblems(upload.object, of: "com.atproto.repo.uploadBlob") == [])
            let blob = try #require(upload.object["blob"] as? [String: Any])
            let link = try #require((blob["ref"] as? [String: Any])?["$link"] as? String)
            let blobCID = try #require(AtprotoSyntax.cidV1(link))
            #expect(blobCID.codec == 0x55 && blobCID.digest == Array(SHA256.hash(data: bytes)), "raw sha-256 CID of the bytes")

            let record = Self.record(text: "Découvrez Hydra 👋🏽", image: blob)
            #expect(checker.problems(record, against: "app.bsky.feed.post") == [])
            let created = try await sandbox.call(
                "POST", "bluesky/xrpc/com.atproto.repo.createRecord", token: Self.token,
                json: ["repo": did, "collection": "app.bsky.feed.post", "record": record])
            #expect(created.status == 200)
            #expect(checker.outputProblems(created.object, of: "com.atproto.repo.createRecord") == [])
            let uri = try #require(created.object["uri"] as? String)
            let cid = try #require(created.object["cid"] as? String)
            #expect(AtprotoSyntax.cidV1(cid)?.codec == 0x71, "a dag-cbor CIDv1: \(cid)")
            let rkey = String(uri.split(separator: "/").last ?? "")
            #expect(AtprotoSyntax.isTID(rkey), "a record key chosen by the PDS is a TID: \(rkey)")
            let commit = try #require(created.object["commit"] as? [String: Any])
            #expect(
                AtprotoSyntax.isTID(commit["rev"] as? String ?? "") && AtprotoSyntax.cidV1(commit["cid"] as? String ?? "") != nil)

            let fetched = try await sandbox.call(
                "GET", "bluesky/xrpc/com.atproto.repo.getRecord?repo=\(did)&collection=app.bsky.feed.post&rkey=\(rkey)",
                token: Self.token)
            #expect(fetched.status == 200)
            #expect(checker.outputProblems(fetched.object, of: "com.atproto.repo.getRecord") == [])
            #expect(checker.problems(fetched.object["value"] ?? [:], against: "app.bsky.feed.post") == [])
            #expect(fetched.object["cid"] as? String == cid, "the same record has the same CID")

            let views = try await sandbox.call("GET", "bluesky/xrpc/app.bsky.feed.getPosts?uris=\(uri)", token: Self.token)
            #expect(views.status == 200)
            #expect(checker.outputProblems(views.object, of: "app.bsky.feed.getPosts") == [])
            let view = try #require((views.object["posts"] as? [[String: Any]])?.first)
            #expect(view["cid"] as? String == cid)
            #expect((view["record"] as? [String: Any])?["text"] as? String == "Découvrez Hydra 👋🏽")
        }
    }

    @Test func differentRecordsHaveDifferentCIDs() async throws {
        try await SandboxCalls.run { sandbox in
            let did = try #require(
                try await sandbox.call("GET", "bluesky/xrpc/com.atproto.server.getSession", token: Self.token)
                    .object["did"] as? String)
            var cids: Set<String> = []
            for text in ["un", "deux"] {
                let created = try await sandbox.call(
                    "POST", "bluesky/xrpc/com.atproto.repo.createRecord", token: Self.token,
                    json: ["repo": did, "collection": "app.bsky.feed.post", "record": Self.record(text: text)])
                cids.insert(try #require(created.object["cid"] as? String))
            }
            #expect(cids.count == 2)
        }
    }

    @Test func errorsAreXRPCErrorBodies() async throws {
        try await SandboxCalls.run { sandbox in
            let did = try #require(
                try await sandbox.call("GET", "bluesky/xrpc/com.atproto.server.getSession", token: Self.token)
                    .object["did"] as? String)
            let answers = [
                try await sandbox.call(
                    "POST", "bluesky/xrpc/com.atproto.repo.createRecord", token: Self.token,
                    json: [
                        "repo": did, "collection": "app.bsky.feed.post",
                        "record": Self.record(text: String(repeating: "a", count: 301)),
                    ]),
                try await sandbox.call(
                    "POST", "bluesky/xrpc/com.atproto.repo.createRecord", token: Self.token,
                    json: [
                        "repo": did, "collection": "app.bsky.feed.post", "rkey": "not-a-tid", "record": Self.record(text: "x"),
                    ]),
                try await sandbox.call(
                    "GET", "bluesky/xrpc/com.atproto.repo.getRecord?repo=\(did)&collection=app.bsky.feed.post&rkey=3l2ayqbbxs22c",
                    token: Self.token),
            ]
            for answer in answers {
                #expect(answer.status == 400)
                #expect(answer.object["error"] is String && answer.object["message"] is String, "\(answer.object)")
                #expect(answer.contentType.hasPrefix("application/json"))
            }
        }
    }
}
