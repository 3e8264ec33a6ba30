import Foundation
import Hummingbird

/// A Bluesky PDS in the sandbox: createRecord (a repeated record key answers 500), uploadBlob, getRecord, getPosts,
/// refreshSession; `RateLimit-*` headers with 3 points per create out of 5000 an hour.
struct BlueskyRoutes: Sendable {
    let gate: SandboxGate
    var state: SandboxState { gate.state }

    private func rateHeaders(_ account: String) async -> (headers: [(String, String)], exceeded: Bool) {
        let window = await state.spend(network: "bluesky", account: account, cost: 3, limit: 5000, window: 3600)
        return (
            [
                ("RateLimit-Limit", "5000"), ("RateLimit-Remaining", String(window.remaining)),
                ("RateLimit-Reset", String(Int(window.reset.timeIntervalSince1970))), ("RateLimit-Policy", "5000;w=3600"),
            ], window.exceeded
        )
    }

    private func cid(_ post: SandboxPost) -> String { "bafyreisandbox\(post.key ?? post.id)" }

    func register(on router: Router<BasicRequestContext>) {
        router.post("bluesky/xrpc/com.atproto.repo.createRecord") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let json = call.json
            let repo = json["repo"] as? String ?? ""
            if let refusal = await gate.before(call, account: repo) { return refusal }
            let limit = await rateHeaders(repo)
            if limit.exceeded {
                return gate.dialect.rateLimited(
                    reset: await state.now().addingTimeInterval(3600), now: await state.now(), account: repo)
            }
            let collection = json["collection"] as? String ?? ""
            let record = json["record"] as? [String: Any] ?? [:]
            let serial = await state.next("bluesky/tid")
            let rkey = json["rkey"] as? String ?? String(serial)
            guard let text = record["text"] as? String, text.count <= 300, text.utf8.count <= 3000 else {
                return SandboxReply.json(
                    400, ["error": "InvalidRequest", "message": "Invalid app.bsky.feed.post record: text too long"])
            }
            let uri = "at://\(repo)/\(collection)/\(rkey)"
            if await state.post(network: "bluesky", id: uri) != nil {
                return SandboxReply.json(
                    500, ["error": "InternalServerError", "message": "Internal Server Error"], headers: limit.headers)
            }
            let parent = ((record["reply"] as? [String: Any])?["parent"] as? [String: Any])?["uri"] as? String
            let post = SandboxPost(
                network: "bluesky", account: repo, id: uri, kind: parent == nil ? "post" : "reply", text: text,
                body: call.bodyText,
                parentID: parent, key: rkey, postedAt: await state.now())
            await state.store(post)
            let answer: [String: Any] = [
                "uri": uri, "cid": cid(post), "commit": ["cid": "bafyreicommit\(rkey)", "rev": rkey], "validationStatus": "valid",
            ]
            return await gate.after(account: repo, SandboxReply.json(200, answer, headers: limit.headers))
        }
        router.post("bluesky/xrpc/com.atproto.repo.uploadBlob") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = call.tokenAccount ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            let serial = await state.next("bluesky/blob")
            await state.store(
                SandboxPost(
                    network: "bluesky", account: account, id: "blob-\(serial)", kind: "media", text: "",
                    body: "\(call.body.count) bytes", postedAt: await state.now()))
            let blob: [String: Any] = [
                "$type": "blob", "ref": ["$link": "bafkreisandbox\(serial)"], "mimeType": call.headers["content-type"] ?? "*/*",
                "size": call.body.count,
            ]
            return SandboxReply.json(200, ["blob": blob])
        }
        router.get("bluesky/xrpc/com.atproto.repo.getRecord") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let repo = call.query["repo"] ?? ""
            if let refusal = await gate.before(call, account: repo) { return refusal }
            let uri = "at://\(repo)/\(call.query["collection"] ?? "")/\(call.query["rkey"] ?? "")"
            guard let post = await state.post(network: "bluesky", id: uri) else {
                return SandboxReply.json(400, ["error": "RecordNotFound", "message": "Could not locate record: \(uri)"])
            }
            let value = (try? JSONSerialization.jsonObject(with: Data(post.body.utf8)) as? [String: Any])?["record"] ?? [:]
            return SandboxReply.json(200, ["uri": uri, "cid": cid(post), "value": value])
        }
        router.get("bluesky/xrpc/app.bsky.feed.getPosts") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = call.tokenAccount ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            var posts: [[String: Any]] = []
            for uri in (call.query["uris"] ?? "").split(separator: ",") {
                guard let post = await state.post(network: "bluesky", id: String(uri)) else { continue }
                let counts = SandboxEngagement.counters(
                    postedAt: post.postedAt, now: await state.now(),
                    audience: await state.audience(network: "bluesky", account: post.account))
                posts.append([
                    "uri": post.id, "cid": cid(post), "author": ["did": post.account], "likeCount": counts["likes"]!,
                    "repostCount": counts["reposts"]!, "replyCount": counts["replies"]!, "quoteCount": counts["quotes"]!,
                    "indexedAt": SandboxDialect.iso(post.postedAt),
                ])
            }
            return SandboxReply.json(200, ["posts": posts])
        }
        router.post("bluesky/xrpc/com.atproto.server.refreshSession") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = call.tokenAccount ?? ""
            if call.bearer == nil { return gate.dialect.expiredToken() }
            if let refusal = await gate.before(call, account: account, refresh: true) { return refusal }
            let pair = await gate.issueTokens(account: account)
            return SandboxReply.json(
                200,
                [
                    "accessJwt": pair.access, "refreshJwt": pair.refresh, "did": account, "handle": "\(account).sandbox",
                    "active": true,
                ])
        }
    }
}
