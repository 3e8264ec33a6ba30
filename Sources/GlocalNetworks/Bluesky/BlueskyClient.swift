import Foundation
import GlocalCore

/// Bluesky through the account's PDS: `createRecord` with a record key derived from the idempotency key.
public struct BlueskyClient: NetworkClient {
    /// Always `.bluesky`.
    public let network = Network.bluesky
    let environment: ClientEnvironment
    static let collection = "app.bsky.feed.post"

    /// Creates a client.
    public init(environment: ClientEnvironment) { self.environment = environment }

    /// The record key of `post` (and of its link reply).
    public static func recordKey(for post: OutgoingPost) -> String { BlueskyRecordKey.tid(from: post.idempotencyKey) }
    static func replyKey(for post: OutgoingPost) -> String { BlueskyRecordKey.tid(from: post.idempotencyKey + "/reply") }

    private func base(_ credentials: AccountCredentials) -> URL {
        environment.endpoints.apiBase(.bluesky, credentials: credentials) ?? URL(string: "https://bsky.social")!
    }

    private func xrpc(
        _ method: String, _ name: String, _ credentials: AccountCredentials, token: String? = nil,
        query: [(String, String)] = [], json: Any? = nil
    ) -> HTTPRequest {
        var headers = ["Authorization": "Bearer \(token ?? credentials.accessToken)"]
        if json != nil { headers["Content-Type"] = "application/json" }
        return HTTPRequest(
            method: method, url: FormEncoding.url(base(credentials), path: "/xrpc/\(name)", query: query), headers: headers,
            body: json.map(JSON.encode))
    }

    private func receipt(uri: String, cid: String?, rkey: String, handle: String) -> PublishReceipt {
        PublishReceipt(
            remoteID: uri, url: "https://bsky.app/profile/\(handle)/post/\(rkey)",
            extra: ["cid": cid ?? "", "rkey": rkey].filter { !$0.value.isEmpty })
    }

    /// Creates the post record (and a reply carrying the link when `linkPlacement` is `reply`).
    /// A 500 on create is checked with `getRecord`: a repeated record key answers 500, not a conflict.
    public func publish(
        _ post: OutgoingPost, credentials: AccountCredentials, pending: PublishReceipt?, onPending: PendingRecorder
    ) async -> PublishOutcome {
        let rkey = Self.recordKey(for: post)
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        do throws(NetworkFailure) {
            let did = try await repoDID(credentials)
            let images = try await upload(post.media, credentials: credentials)
            // No pending receipt: the record key is derived from the idempotency key, so `lookUp`
            // finds the post without one, and a sync to disk per post is saved.
            let record = BlueskyRecordBuilder.record(
                text: post.text, facets: BlueskyFacetBuilder.facets(for: post.text, link: post.link),
                language: post.languageCode, createdAt: now, link: post.linkPlacement == .inline ? post.link : nil,
                title: post.title, images: images)
            let body: [String: Any] = ["repo": did, "collection": Self.collection, "rkey": rkey, "record": record]
            let response: HTTPResponse
            do throws(NetworkFailure) {
                response = try await api.send(
                    xrpc("POST", "com.atproto.repo.createRecord", credentials, json: body), mutates: true
                ) {
                    BlueskyResponseClassifier.classify($0, now: now)
                }
            } catch {
                guard case .transient = error.outcome else { throw error }
                if case .found(let existing) = await lookUp(post, pending: nil, credentials: credentials) {
                    return .duplicate(existing)
                }
                throw error
            }
            let json = try api.json(response, mutated: true)
            var receipt = receipt(
                uri: json["uri"].string ?? uri(did, rkey), cid: json["cid"].string, rkey: rkey, handle: post.handle)
            receipt.quotaExhaustedUntil = RateLimitQuota.bluesky(headers: response.headers, now: now)
            if let link = post.separateLink, post.linkPlacement == .reply, let cid = receipt.extra["cid"] {
                let answer = await reply(link, to: (receipt.remoteID, cid), post: post, did: did, credentials: credentials)
                receipt.extra.merge(answer.extra) { $1 }
                if let quota = answer.quota { receipt.quotaExhaustedUntil = quota }
            }
            return .published(receipt)
        } catch { return error.outcome }
    }

    /// Whether `text` is a DID of a method Bluesky accounts use (`did:plc:` or `did:web:`).
    public static func isAccountDID(_ text: String) -> Bool {
        (text.hasPrefix("did:plc:") || text.hasPrefix("did:web:"))
            && text.range(of: "^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$", options: .regularExpression) != nil
    }

    /// The repo's DID: the stored one when it is a `did:plc:`/`did:web:` DID, else the session's (`getSession`), as a
    /// handle or any other name is not a repo the client may write to by itself.
    private func repoDID(_ credentials: AccountCredentials) async throws(NetworkFailure) -> String {
        if let stored = credentials.remoteUserID, Self.isAccountDID(stored) { return stored }
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        let response = try await api.send(xrpc("GET", "com.atproto.server.getSession", credentials), mutates: false) {
            BlueskyResponseClassifier.classify($0, now: now)
        }
        guard let did = try api.json(response, mutated: false)["did"].string, Self.isAccountDID(did) else {
            throw NetworkFailure(.permanent("the Bluesky session has no DID"))
        }
        return did
    }

    private func uri(_ did: String, _ rkey: String) -> String { "at://\(did)/\(Self.collection)/\(rkey)" }

    /// The link reply's extras, and what its answer says of the quota (`nil`: nothing known, or
    /// not spent). The reply shows the link shortened, as Bluesky's apps do, with the whole link in its facet
    /// (``BlueskyFacetBuilder/linkReply(_:)``), so it always fits Bluesky's 300 graphemes.
    private func reply(
        _ link: String, to parent: (uri: String, cid: String), post: OutgoingPost, did: String, credentials: AccountCredentials
    ) async -> (extra: [String: String], quota: Date?) {
        let now = environment.clock()
        let reply = BlueskyFacetBuilder.linkReply(link)
        let record = BlueskyRecordBuilder.record(
            text: reply.text, facets: reply.facets, language: post.languageCode, createdAt: now, link: nil, title: nil,
            images: [], replyTo: parent)
        let body: [String: Any] = [
            "repo": did, "collection": Self.collection, "rkey": Self.replyKey(for: post), "record": record,
        ]
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        do {
            let response = try await api.send(
                xrpc("POST", "com.atproto.repo.createRecord", credentials, json: body), mutates: true
            ) {
                BlueskyResponseClassifier.classify($0, now: now)
            }
            return (
                ["reply_id": JSON(data: response.body)["uri"].string ?? ""],
                RateLimitQuota.bluesky(headers: response.headers, now: now)
            )
        } catch { return (["reply_error": error.outcome.description], error.outcome.rateLimitReset(after: now)) }
    }

    private func upload(
        _ media: [MediaFile], credentials: AccountCredentials
    ) async throws(NetworkFailure) -> [(blob: Any, alt: String)] {
        var blobs: [(blob: Any, alt: String)] = []
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        for file in media {
            guard !file.isVideo else { throw NetworkFailure(.permanent("Bluesky video upload is not supported yet")) }
            let bytes: Data
            bytes = try await file.bytes()
            var request = xrpc("POST", "com.atproto.repo.uploadBlob", credentials)
            request.headers["Content-Type"] = file.mimeType
            request.body = bytes
            let now = environment.clock()
            let response = try await api.send(request, mutates: false) { BlueskyResponseClassifier.classify($0, now: now) }
            let blob = try api.json(response, mutated: false)["blob"]
            guard let value = blob.value, blob.exists else { throw NetworkFailure(.transient("uploadBlob gave no blob")) }
            blobs.append((value, file.altText ?? ""))
        }
        return blobs
    }

    /// `getRecord` for the variant's record key: found, or `RecordNotFound`.
    public func lookUp(_ post: OutgoingPost, pending: PublishReceipt?, credentials: AccountCredentials) async -> LookUpOutcome {
        let rkey = pending?.extra["rkey"] ?? Self.recordKey(for: post)
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        do {
            let did = try await repoDID(credentials)
            let request = xrpc(
                "GET", "com.atproto.repo.getRecord", credentials,
                query: [("repo", did), ("collection", Self.collection), ("rkey", rkey)])
            let response = try await api.send(request, mutates: false) { response in
                if response.status == 400 || response.status == 404,
                    JSON(data: response.body)["error"].string == "RecordNotFound"
                {
                    return nil
                }
                return BlueskyResponseClassifier.classify(response, now: now)
            }
            guard response.isSuccess else { return .notFound }
            let json = try api.json(response, mutated: false)
            return .found(
                receipt(uri: json["uri"].string ?? uri(did, rkey), cid: json["cid"].string, rkey: rkey, handle: post.handle))
        } catch { return .failed(error.outcome) }
    }

    /// `app.bsky.feed.getPosts`: like, repost, reply and quote counts, and the bookmark count where the
    /// `postView` carries it (saves, as X's `bookmark_count`).
    public func fetchMetrics(_ receipt: PublishReceipt, credentials: AccountCredentials) async -> MetricsOutcome {
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        let request = xrpc("GET", "app.bsky.feed.getPosts", credentials, query: [("uris", receipt.remoteID)])
        do {
            let response = try await api.send(request, mutates: false) { BlueskyResponseClassifier.classify($0, now: now) }
            let post = try api.json(response, mutated: false)["posts"][0]
            guard post.exists else { return .failed(.permanent("Bluesky has no post \(receipt.remoteID)")) }
            var counters: [String: Int] = [:]
            for name in ["likeCount", "repostCount", "replyCount", "quoteCount"] { counters[name] = post[name].int ?? 0 }
            if let bookmarks = post["bookmarkCount"].int { counters["bookmarkCount"] = bookmarks }
            return .fetched(EngagementMetrics(counters: counters, fetchedAt: now))
        } catch { return .failed(error.outcome) }
    }

    /// `refreshSession` with the refresh JWT; `ExpiredToken`/`InvalidToken` mean reconnect, and so does a session of
    /// an account that is not active (``BlueskyHostingStatus``).
    public func refreshCredentials(_ credentials: AccountCredentials) async -> RefreshOutcome {
        guard let refreshToken = credentials.refreshToken else { return .reconnectRequired("no Bluesky refresh token") }
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        let request = xrpc("POST", "com.atproto.server.refreshSession", credentials, token: refreshToken)
        do {
            let response = try await api.send(request, mutates: false) { BlueskyResponseClassifier.classify($0, now: now) }
            let json = try api.json(response, mutated: false)
            guard let access = json["accessJwt"].string, !access.isEmpty else {
                return .transient("refreshSession gave no token")
            }
            if let refusal = BlueskyHostingStatus.refusal(
                active: json["active"].value as? Bool, status: json["status"].string)
            {
                return .reconnectRequired(refusal)
            }
            var refreshed = credentials.refreshed(
                accessToken: access, refreshToken: json["refreshJwt"].string,
                expiresIn: BlueskySessionExpiry.secondsLeft(of: access, now: now), now: now)
            if let did = json["did"].string, Self.isAccountDID(did) { refreshed.remoteUserID = did }
            return .refreshed(refreshed)
        } catch {
            if case .reconnectRequired(let reason) = error.outcome { return .reconnectRequired(reason) }
            return .transient(error.outcome.description)
        }
    }
}
