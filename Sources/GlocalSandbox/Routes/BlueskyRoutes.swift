import Foundation
import Hummingbird

/// A Bluesky PDS in the sandbox: createRecord (a repeated record key answers 500), uploadBlob, getRecord, getPosts,
/// refreshSession, getSession; the limiters and their `RateLimit-*` headers are ``BlueskyRateLimit``'s. A token `alice~…`
/// stands for the DID `SandboxIdentity.did("alice")` (a `did:plc:`/`did:web:` name is the DID itself) and the handle
/// `SandboxIdentity.handle("alice")`; CIDs are sha-256 CIDv1 over the record's DAG-CBOR (blobs: over the bytes, raw).
struct BlueskyRoutes: Sendable {
    let gate: SandboxGate
    var state: SandboxState { gate.state }

    private func cid(_ post: SandboxPost) -> String { SandboxCID.record(record(post)) }

    private func record(_ post: SandboxPost) -> Any {
        (try? JSONSerialization.jsonObject(with: Data(post.body.utf8)) as? [String: Any])?["record"] ?? [String: Any]()
    }

    /// The session's DID.
    static func did(_ call: SandboxCall) -> String { SandboxIdentity.did(call.tokenAccount ?? "") }

    /// The DID a repo names (a DID, or the handle of the session or of a `did:plc:` the sandbox derived); `nil`
    /// when it is neither.
    static func repoDID(_ repo: String, session: String?) -> String? {
        if repo.hasPrefix("did:") { return repo }
        if let session, repo == SandboxIdentity.handle(session) { return session }
        let label = repo.hasSuffix(".bsky.social") ? String(repo.dropLast(".bsky.social".count)) : ""
        let did = "did:plc:\(label)"
        return label.count == 24 && SandboxIdentity.handle(did) == repo ? did : nil
    }

    /// The NSID syntax (`com.atproto.repo.createRecord` `collection` `format: nsid`).
    static func isNSID(_ text: String) -> Bool {
        text.count <= 317
            && text.range(
                of:
                    "^[a-zA-Z]([a-zA-Z0-9-]{0,62}[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,62}[a-zA-Z0-9])?)+(\\.[a-zA-Z]([a-zA-Z0-9]{0,62})?)$",
                options: .regularExpression) != nil
    }

    /// The atproto `datetime` syntax (RFC 3339 with a time zone; `-00:00` is refused).
    static func isDatetime(_ text: String) -> Bool {
        !text.hasSuffix("-00:00")
            && text.range(
                of:
                    "^[0-9]{4}-(0[1-9]|1[012])-([0-2][0-9]|3[01])T([0-1][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|[+-]([0-1][0-9]|2[0-3]):[0-5][0-9])$",
                options: .regularExpression) != nil
    }

    /// The collection of posts, the one record type whose lexicon the sandbox checks in full.
    static let postCollection = "app.bsky.feed.post"

    /// Whether a PDS knows the collection's lexicon: the Bluesky and atproto namespaces (a record of another namespace
    /// is stored unvalidated, `validationStatus` `unknown`).
    static func knowsLexicon(_ collection: String) -> Bool {
        ["app.bsky.", "com.atproto.", "chat.bsky.", "tools.ozone."].contains { collection.hasPrefix($0) }
    }

    /// The TID syntax: 13 characters of sortable base32, the first with the top bit clear.
    static func isTID(_ text: String) -> Bool {
        text.range(of: "^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$", options: .regularExpression) != nil
    }

    /// The record key syntax: 1–512 of `a-zA-Z0-9_~.:-`, never `.` or `..`.
    static func isRecordKey(_ text: String) -> Bool {
        text != "." && text != ".." && text.range(of: "^[a-zA-Z0-9_~.:-]{1,512}$", options: .regularExpression) != nil
    }

    /// `app.bsky.feed.getPosts` `uris` `maxLength`.
    static let maxPostURIs = 25

    /// Why `getPosts` parameters break its lexicon (`uris` required, at most 25, each an AT-URI), or `nil`.
    static func getPostsProblem(_ uris: [String]) -> String? {
        if uris.isEmpty { return "Error: Params must have the property \"uris\"" }
        if uris.count > maxPostURIs { return "Error: Params/uris must not have more than \(maxPostURIs) elements" }
        for (index, uri) in uris.enumerated() where !uri.hasPrefix("at://") || uri.contains(" ") {
            return "Error: Params/uris/\(index) must be a valid at-uri"
        }
        return nil
    }

    /// `app.bsky.feed.post` `langs` `maxLength`.
    static let maxLangs = 3

    private static func invalid(_ message: String) -> Response {
        SandboxReply.json(400, ["error": "InvalidRequest", "message": message])
    }

    /// Why a post record breaks `app.bsky.feed.post` (text limits, image count and alt text), or `nil`.
    static func recordProblem(_ record: [String: Any]) -> String? {
        guard let text = record["text"] as? String else {
            return "Invalid app.bsky.feed.post record: Record must have the property \"text\""
        }
        if text.utf8.count > 3000 {
            return "Invalid app.bsky.feed.post record: Record/text must not be longer than 3000 characters"
        }
        if text.count > 300 {
            return "Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes"
        }
        guard let createdAt = record["createdAt"] as? String else {
            return "Invalid app.bsky.feed.post record: Record must have the property \"createdAt\""
        }
        guard isDatetime(createdAt) else {
            return
                "Invalid app.bsky.feed.post record: Record/createdAt must be an valid atproto datetime (both RFC-3339 and ISO-8601)"
        }
        if let langs = record["langs"] as? [Any], langs.count > maxLangs {
            return "Invalid app.bsky.feed.post record: Record/langs must not have more than \(maxLangs) elements"
        }
        if let problem = BlueskyPostFields.problem(record) { return "Invalid app.bsky.feed.post record: \(problem)" }
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

    /// Why an image embed's blobs cannot be used, or `nil`: a blob must have been uploaded to this PDS first, and an
    /// image must be `image/*` (`app.bsky.embed.images#image.image` `accept`), as uploaded and as the record says.
    /// `uploadedType` gives an uploaded blob's content type, `nil` for a blob never uploaded.
    static func blobUseProblem(_ record: [String: Any], uploadedType: (String) -> String?) -> (error: String, message: String)? {
        let embed = record["embed"] as? [String: Any] ?? [:]
        let images = embed["$type"] as? String == "app.bsky.embed.images" ? embed["images"] as? [[String: Any]] ?? [] : []
        for ref in blobRefs(record) where uploadedType(ref) == nil {
            return ("BlobNotFound", "Could not find blob: \(ref)")
        }
        for image in images {
            let blob = image["image"] as? [String: Any] ?? [:]
            let ref = (blob["ref"] as? [String: Any])?["$link"] as? String ?? ""
            let types = [blob["mimeType"] as? String ?? "", uploadedType(ref) ?? ""]
            if let type = types.first(where: { !$0.hasPrefix("image/") }) {
                return ("InvalidMimeType", "Wrong type of file. It is \(type) but it must match image/*.")
            }
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

    /// The content type of a blob the account uploaded (stored as "N bytes <type>"), `nil` if it never did.
    private func blobType(_ ref: String, account: String) async -> String? {
        let uploads = await state.storedPosts(network: "bluesky")
        guard let blob = uploads.first(where: { $0.id == ref && $0.kind == "media" && $0.account == account }) else {
            return nil
        }
        return blob.body.split(separator: " ").dropFirst(2).first.map(String.init) ?? ""
    }

    /// The byte count of an uploaded blob (stored as "N bytes").
    private func blobSize(_ ref: String) async -> Int? {
        guard let blob = await state.post(network: "bluesky", id: ref), blob.kind == "media" else { return nil }
        return blob.body.split(separator: " ").first.flatMap { Int($0) }
    }

    /// The repository a write may change: the one it names, once the gate let the call through and it is the
    /// authenticated account's; else the answer that refuses it.
    private enum RepoAccess {
        case repo(String)
        case refused(Response)
    }

    /// Reads and checks the `repo` of a write (createRecord, deleteRecord).
    private func writableRepo(_ call: SandboxCall) async -> RepoAccess {
        let session = Self.did(call)
        guard let repo = Self.repoDID(call.json["repo"] as? String ?? "", session: session) else {
            return .refused(Self.invalid("Input/repo must be a valid did or a handle"))
        }
        if let refusal = await gate.before(call, account: repo) { return .refused(refusal) }
        guard repo == session else { return .refused(Self.invalid("Input/repo must be the authenticated account")) }
        return .repo(repo)
    }

    /// A write's `collection`, when it is an NSID.
    private static func collection(_ json: [String: Any]) -> String? {
        let collection = json["collection"] as? String ?? ""
        return isNSID(collection) ? collection : nil
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("bluesky/xrpc/com.atproto.repo.createRecord") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let json = call.json
            let repo: String
            switch await writableRepo(call) {
            case .refused(let refusal): return refusal
            case .repo(let did): repo = did
            }
            guard let collection = Self.collection(json) else { return Self.invalid("Input/collection must be a valid NSID") }
            let swapCommit = json["swapCommit"].map { $0 as? String ?? "" }
            if let swapCommit, !BlueskyPostFields.isCIDString(swapCommit) {
                return Self.invalid("Input/swapCommit must be a cid string")
            }
            let record = json["record"] as? [String: Any] ?? [:]
            guard let type = record["$type"] as? String else { return Self.invalid("Input/record must contain a $type field") }
            guard type == collection else { return Self.invalid("Invalid $type: expected \(collection), got \(type)") }
            let serial = await state.next("bluesky/tid")
            let now = await state.now()
            let rkey = json["rkey"] as? String ?? SandboxIdentity.tid(at: now, clockID: serial)
            let isPost = collection == Self.postCollection
            if isPost {
                guard Self.isTID(rkey) else { return Self.invalid("Invalid record key: app.bsky.feed.post keys are TIDs") }
            } else if !Self.isRecordKey(rkey) {
                return Self.invalid("Input/rkey must be a valid Record Key")
            }
            // `validate`: false skips the lexicon, true requires it, unset validates only what the PDS knows.
            let validate = json["validate"] as? Bool
            if validate == true, !Self.knowsLexicon(collection) {
                return Self.invalid("Lexicon not found: lex:\(collection)")
            }
            if isPost, validate != false, let problem = Self.recordProblem(record) { return Self.invalid(problem) }
            var types: [String: String] = [:]
            for ref in Self.blobRefs(record) { types[ref] = await blobType(ref, account: repo) }
            if let problem = Self.blobUseProblem(record, uploadedType: { types[$0] }) {
                return SandboxReply.json(400, ["error": problem.error, "message": problem.message])
            }
            var sizes: [String: Int] = [:]
            for ref in Self.blobRefs(record) { sizes[ref] = await blobSize(ref) }
            if let problem = Self.blobProblem(record, size: { sizes[$0] }) {
                return SandboxReply.json(400, ["error": "BlobTooLarge", "message": problem])
            }
            // The lexicon's InvalidSwap: "swapCommit didn't match current repo commit" (a repo not yet written has none).
            if let swapCommit {
                let current = await state.repoCommit(of: repo)
                guard swapCommit == current else {
                    let message = "swapCommit \(swapCommit) is not the repo's current commit \(current ?? "(none yet)")"
                    return SandboxReply.json(400, ["error": "InvalidSwap", "message": message])
                }
            }
            let text = record["text"] as? String ?? ""
            let uri = "at://\(repo)/\(collection)/\(rkey)"
            if await state.post(network: "bluesky", id: uri) != nil {
                return SandboxReply.json(500, ["error": "InternalServerError", "message": "Internal Server Error"])
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
            await state.setRepoCommit(commit, of: repo)
            var answer: [String: Any] = ["uri": uri, "cid": cid(post), "commit": ["cid": commit, "rev": rev]]
            if validate != false { answer["validationStatus"] = Self.knowsLexicon(collection) ? "valid" : "unknown" }
            return await gate.after(account: repo, SandboxReply.json(200, answer))
        }
        router.post("bluesky/xrpc/com.atproto.repo.deleteRecord") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let json = call.json
            let repo: String
            switch await writableRepo(call) {
            case .refused(let refusal): return refusal
            case .repo(let did): repo = did
            }
            guard let collection = Self.collection(json) else { return Self.invalid("Input/collection must be a valid NSID") }
            guard let rkey = json["rkey"] as? String, !rkey.isEmpty else {
                return Self.invalid("Input must have the property \"rkey\"")
            }
            let uri = "at://\(repo)/\(collection)/\(rkey)"
            // A PDS answers a record that is not there with success and no commit: deleting is idempotent.
            guard await state.post(network: "bluesky", id: uri) != nil else { return SandboxReply.json(200, [String: Any]()) }
            await state.remove(network: "bluesky", id: uri)
            let serial = await state.next("bluesky/tid")
            let rev = SandboxIdentity.tid(at: await state.now(), clockID: serial)
            let commit = SandboxCID.record(["did": repo, "rev": rev, "version": 3] as [String: Any])
            await state.setRepoCommit(commit, of: repo)
            return SandboxReply.json(200, ["commit": ["cid": commit, "rev": rev]])
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
                    body: "\(call.body.count) bytes \(call.headers["content-type"] ?? "*/*")", key: "blob-\(serial)",
                    postedAt: await state.now()))
            let blob: [String: Any] = [
                "$type": "blob", "ref": ["$link": ref], "mimeType": call.headers["content-type"] ?? "*/*",
                "size": call.body.count,
            ]
            return SandboxReply.json(200, ["blob": blob])
        }
        router.get("bluesky/xrpc/com.atproto.repo.getRecord") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            for name in ["repo", "collection", "rkey"] where (call.query[name] ?? "").isEmpty {
                return Self.invalid("Error: Params must have the property \"\(name)\"")
            }
            guard Self.isNSID(call.query["collection"] ?? "") else {
                return Self.invalid("Error: Params/collection must be a valid nsid")
            }
            guard Self.isRecordKey(call.query["rkey"] ?? "") else {
                return Self.invalid("Error: Params/rkey must be a valid Record Key")
            }
            guard let repo = Self.repoDID(call.query["repo"] ?? "", session: call.bearer.map { _ in Self.did(call) }) else {
                return Self.invalid("Input/repo must be a valid did or a handle")
            }
            // getRecord "does not require auth".
            if let refusal = await gate.before(call, account: repo, requiresToken: false) { return refusal }
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
            // An XRPC array parameter is the name repeated: `uris=a&uris=b`.
            let uris = call.queryItems.filter({ $0.name == "uris" }).map(\.value)
            if let problem = Self.getPostsProblem(uris) { return Self.invalid(problem) }
            for uri in uris {
                guard let post = await state.post(network: "bluesky", id: uri) else { continue }
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
            if call.bearer == nil { return gate.dialect.missingToken() }
            if let refusal = await gate.before(call, account: account, refresh: true) { return refusal }
            // "Requires auth using the 'refreshJwt' (not the 'accessJwt')": a sandbox token naming `access` is one.
            guard !(call.bearer ?? "").split(separator: "~", maxSplits: 1).dropFirst().contains(where: { $0.contains("access") })
            else { return SandboxReply.json(400, ["error": "InvalidToken", "message": "Invalid token type"]) }
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
