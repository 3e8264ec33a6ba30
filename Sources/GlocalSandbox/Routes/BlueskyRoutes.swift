import Foundation
import Hummingbird

/// A Bluesky PDS in the sandbox: createRecord (a repeated record key answers 500), uploadBlob, getRecord, getPosts,
/// refreshSession, getSession; `RateLimit-*` headers with 3 points per create out of 5000 an hour. A token `alice~…`
/// stands for the DID `SandboxIdentity.did("alice")` (a `did:plc:`/`did:web:` name is the DID itself) and the handle
/// `SandboxIdentity.handle("alice")`; CIDs are sha-256 CIDv1 over the record's DAG-CBOR (blobs: over the bytes, raw).
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

    private func cid(_ post: SandboxPost) -> String { SandboxCID.record(record(post)) }

    private func record(_ post: SandboxPost) -> Any {
        (try? JSONSerialization.jsonObject(with: Data(post.body.utf8)) as? [String: Any])?["record"] ?? [String: Any]()
    }

    /// The session's DID.
    static func did(_ call: SandboxCall) -> String { SandboxIdentity.did(call.tokenAccount ?? "") }

    /// The DID a repo names (a DID, or the session's handle); `nil` when it is neither.
    static func repoDID(_ repo: String, session: String) -> String? {
        if repo.hasPrefix("did:") { return repo }
        return repo == SandboxIdentity.handle(session) ? session : nil
    }

    private static func invalid(_ message: String) -> Response {
        SandboxReply.json(400, ["error": "InvalidRequest", "message": message])
    }

    /// Why a post record breaks `app.bsky.feed.post` (text limits, image count and alt text), or `nil`.
    static func recordProblem(_ record: [String: Any]) -> String? {
        guard let text = record["text"] as? String else {
            return "Invalid app.bsky.feed.post record: Record must have the property \"text\""
        }
        if text.count > 300 || text.utf8.count > 3000 {
            return "Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes"
        }
        guard record["createdAt"] is String else {
            return "Invalid app.bsky.feed.post record: Record must have the property \"createdAt\""
        }
        guard let embed = record["embed"] as? [String: Any], embed["$type"] as? String == "app.bsky.embed.images" else {
            return nil
        }
        let images = embed["images"] as? [[String: Any]] ?? []
        if images.isEmpty || images.count > 4 {
            return "Invalid app.bsky.feed.post record: Record/embed/images must have 1 to 4 elements"
        }
        for (index, image) in images.enumerated() where !(image["alt"] is String) || image["image"] == nil {
            return
                "Invalid app.bsky.feed.post record: Record/embed/images/\(index) must have the properties \"image\" and \"alt\""
        }
        return nil
    }

    /// `app.bsky.embed.images#image.image` maxSize: 2 MB since the lexicon raised it (formerly 1 MB).
    static let imageMaxBytes = 2_000_000
    /// `app.bsky.embed.external#external.thumb` maxSize.
    static let thumbMaxBytes = 1_000_000

    /// Why a record's blobs break their lexicon's `maxSize`, or `nil`. As a PDS does, the uploaded blob's
    /// own size (`size(ref)`) is measured, not the size the record claims; a blob never uploaded counts as claimed.
    static func blobProblem(_ record: [String: Any], size: (String) -> Int?) -> String? {
        let embed = record["embed"] as? [String: Any] ?? [:]
        var blobs: [(blob: Any?, maxBytes: Int)] = []
        switch embed["$type"] as? String {
        case "app.bsky.embed.images":
            blobs = (embed["images"] as? [[String: Any]] ?? []).map { ($0["image"], imageMaxBytes) }
        case "app.bsky.embed.external":
            blobs = [((embed["external"] as? [String: Any])?["thumb"], thumbMaxBytes)]
        default: return nil
        }
        for (blob, maxBytes) in blobs {
            guard let blob = blob as? [String: Any], let ref = (blob["ref"] as? [String: Any])?["$link"] as? String,
                let bytes = size(ref) ?? (blob["size"] as? Int), bytes > maxBytes
            else { continue }
            return "This file is too large. It is \(bytes) bytes but the maximum size is \(maxBytes) bytes."
        }
        return nil
    }

    /// The `$link` of every blob an embed names.
    static func blobRefs(_ record: [String: Any]) -> [String] {
        let embed = record["embed"] as? [String: Any] ?? [:]
        let images = (embed["images"] as? [[String: Any]] ?? []).map { $0["image"] }
        let thumb = (embed["external"] as? [String: Any])?["thumb"]
        return (images + [thumb]).compactMap { (($0 as? [String: Any])?["ref"] as? [String: Any])?["$link"] as? String }
    }

    /// The byte count of an uploaded blob (stored as "N bytes").
    private func blobSize(_ ref: String) async -> Int? {
        guard let blob = await state.post(network: "bluesky", id: ref), blob.kind == "media" else { return nil }
        return blob.body.split(separator: " ").first.flatMap { Int($0) }
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("bluesky/xrpc/com.atproto.repo.createRecord") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let json = call.json
            let session = Self.did(call)
            guard let repo = Self.repoDID(json["repo"] as? String ?? "", session: session) else {
                return Self.invalid("Input/repo must be a valid did or a handle")
            }
            if let refusal = await gate.before(call, account: repo) { return refusal }
            guard repo == session else { return Self.invalid("Input/repo must be the authenticated account") }
            let limit = await rateHeaders(repo)
            if limit.exceeded {
                return gate.dialect.rateLimited(
                    reset: await state.now().addingTimeInterval(3600), now: await state.now(), account: repo)
            }
            let collection = json["collection"] as? String ?? ""
            let record = json["record"] as? [String: Any] ?? [:]
            let serial = await state.next("bluesky/tid")
            let now = await state.now()
            let rkey = json["rkey"] as? String ?? SandboxIdentity.tid(at: now, clockID: serial)
            guard rkey.range(of: "^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$", options: .regularExpression) != nil
            else { return Self.invalid("Invalid record key: app.bsky.feed.post keys are TIDs") }
            if let problem = Self.recordProblem(record) { return Self.invalid(problem) }
            var sizes: [String: Int] = [:]
            for ref in Self.blobRefs(record) { sizes[ref] = await blobSize(ref) }
            if let problem = Self.blobProblem(record, size: { sizes[$0] }) {
                return SandboxReply.json(400, ["error": "BlobTooLarge", "message": problem])
            }
            let text = record["text"] as? String ?? ""
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
            let rev = SandboxIdentity.tid(at: await state.now(), clockID: serial)
            let commit = SandboxCID.record(
                ["did": repo, "rev": rev, "data": ["$link": cid(post)], "version": 3] as [String: Any])
            let answer: [String: Any] = [
                "uri": uri, "cid": cid(post), "commit": ["cid": commit, "rev": rev], "validationStatus": "valid",
            ]
            return await gate.after(account: repo, SandboxReply.json(200, answer, headers: limit.headers))
        }
        router.post("bluesky/xrpc/com.atproto.repo.uploadBlob") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = Self.did(call)
            if let refusal = await gate.before(call, account: account) { return refusal }
            let serial = await state.next("bluesky/blob")
            let ref = SandboxCID.string(of: Array(call.body), codec: SandboxCID.raw)
            await state.store(
                SandboxPost(
                    network: "bluesky", account: account, id: ref, kind: "media", text: "",
                    body: "\(call.body.count) bytes", key: "blob-\(serial)", postedAt: await state.now()))
            let blob: [String: Any] = [
                "$type": "blob", "ref": ["$link": ref], "mimeType": call.headers["content-type"] ?? "*/*",
                "size": call.body.count,
            ]
            return SandboxReply.json(200, ["blob": blob])
        }
        router.get("bluesky/xrpc/com.atproto.repo.getRecord") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            guard let repo = Self.repoDID(call.query["repo"] ?? "", session: Self.did(call)) else {
                return Self.invalid("Input/repo must be a valid did or a handle")
            }
            if let refusal = await gate.before(call, account: repo) { return refusal }
            let uri = "at://\(repo)/\(call.query["collection"] ?? "")/\(call.query["rkey"] ?? "")"
            guard let post = await state.post(network: "bluesky", id: uri) else {
                return SandboxReply.json(400, ["error": "RecordNotFound", "message": "Could not locate record: \(uri)"])
            }
            return SandboxReply.json(200, ["uri": uri, "cid": cid(post), "value": record(post)])
        }
        router.get("bluesky/xrpc/app.bsky.feed.getPosts") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = Self.did(call)
            if let refusal = await gate.before(call, account: account) { return refusal }
            var posts: [[String: Any]] = []
            for uri in (call.query["uris"] ?? "").split(separator: ",") {
                guard let post = await state.post(network: "bluesky", id: String(uri)) else { continue }
                let counts = SandboxEngagement.counters(
                    postedAt: post.postedAt, now: await state.now(),
                    audience: await state.audience(network: "bluesky", account: post.account))
                posts.append([
                    "uri": post.id, "cid": cid(post), "record": record(post),
                    "author": ["did": post.account, "handle": SandboxIdentity.handle(post.account)],
                    "bookmarkCount": counts["saves"]!, "likeCount": counts["likes"]!,
                    "repostCount": counts["reposts"]!, "replyCount": counts["replies"]!, "quoteCount": counts["quotes"]!,
                    "indexedAt": SandboxDialect.iso(post.postedAt),
                ])
            }
            return SandboxReply.json(200, ["posts": posts])
        }
        router.post("bluesky/xrpc/com.atproto.server.refreshSession") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let name = call.tokenAccount ?? ""
            let account = Self.did(call)
            if call.bearer == nil { return gate.dialect.expiredToken() }
            if let refusal = await gate.before(call, account: account, refresh: true) { return refusal }
            let pair = await gate.issueTokens(account: name)
            return SandboxReply.json(
                200,
                [
                    "accessJwt": pair.access, "refreshJwt": pair.refresh, "did": account,
                    "handle": SandboxIdentity.handle(name), "active": true,
                ])
        }
        router.get("bluesky/xrpc/com.atproto.server.getSession") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = Self.did(call)
            if let refusal = await gate.before(call, account: account) { return refusal }
            return SandboxReply.json(
                200, ["did": account, "handle": SandboxIdentity.handle(call.tokenAccount ?? ""), "active": true])
        }
    }
}
