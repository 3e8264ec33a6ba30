import Foundation
import GlocalCore

/// Mastodon: `POST /api/v1/statuses` with the variant's `Idempotency-Key`, so a repeat returns the same status.
public struct MastodonClient: NetworkClient {
    /// Always `.mastodon`.
    public let network = Network.mastodon
    let environment: ClientEnvironment
    /// Time between checks of a video still processing after its upload.
    public let pollInterval: Duration
    /// Checks of one upload before the attempt is given up as transient.
    public let maxPolls: Int

    /// Creates a client.
    public init(environment: ClientEnvironment, pollInterval: Duration = .seconds(2), maxPolls: Int = 30) {
        self.environment = environment
        self.pollInterval = pollInterval
        self.maxPolls = maxPolls
    }

    private func request(
        _ method: String, _ path: String, _ credentials: AccountCredentials, query: [(String, String)] = [], json: Any? = nil
    ) throws(NetworkFailure) -> HTTPRequest {
        guard let base = environment.endpoints.apiBase(.mastodon, credentials: credentials) else {
            throw NetworkFailure(.permanent("the Mastodon instance is not known"))
        }
        var headers = ["Authorization": "Bearer \(credentials.accessToken)"]
        if json != nil { headers["Content-Type"] = "application/json" }
        return HTTPRequest(
            method: method, url: FormEncoding.url(base, path: path, query: query), headers: headers, body: json.map(JSON.encode))
    }

    private func receipt(_ status: JSON) -> PublishReceipt? {
        guard let id = status["id"].string else { return nil }
        return PublishReceipt(remoteID: id, url: status["url"].string)
    }

    /// Uploads media, posts the status (public, with language), then the link as a reply when asked.
    public func publish(
        _ post: OutgoingPost, credentials: AccountCredentials, pending: PublishReceipt?, onPending: PendingRecorder
    ) async -> PublishOutcome {
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        do {
            var body: [String: Any] = ["status": post.text, "language": post.languageCode, "visibility": "public"]
            let mediaIDs = try await upload(post.media, credentials: credentials)
            if !mediaIDs.isEmpty { body["media_ids"] = mediaIDs }
            var create = try request("POST", "/api/v1/statuses", credentials, json: body)
            create.headers["Idempotency-Key"] = post.idempotencyKey
            let response = try await api.send(create, mutates: true) { MastodonResponseClassifier.classify($0, now: now) }
            guard var receipt = receipt(try api.json(response, mutated: true)) else {
                return .unknown("Mastodon accepted the status without an id")
            }
            receipt.quotaExhaustedUntil = RateLimitQuota.mastodon(headers: response.headers, now: now)
            if let link = post.separateLink, post.linkPlacement == .reply {
                let replyBody: [String: Any] = [
                    "status": link, "in_reply_to_id": receipt.remoteID, "language": post.languageCode, "visibility": "public",
                ]
                do {
                    var reply = try request("POST", "/api/v1/statuses", credentials, json: replyBody)
                    reply.headers["Idempotency-Key"] = post.idempotencyKey + "-reply"
                    let answer = try await api.send(reply, mutates: true) { MastodonResponseClassifier.classify($0, now: now) }
                    receipt.extra["reply_id"] = JSON(data: answer.body)["id"].string
                    receipt.quotaExhaustedUntil = RateLimitQuota.mastodon(headers: answer.headers, now: now)
                } catch {
                    receipt.extra["reply_error"] = error.outcome.description
                    receipt.quotaExhaustedUntil = error.outcome.rateLimitReset(after: now) ?? receipt.quotaExhaustedUntil
                }
            }
            return .published(receipt)
        } catch { return error.outcome }
    }

    private func upload(_ media: [MediaFile], credentials: AccountCredentials) async throws(NetworkFailure) -> [String] {
        var ids: [String] = []
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        for file in media {
            let bytes: Data
            bytes = try await file.bytes()
            var form = MultipartBody()
            if let alt = file.altText, !alt.isEmpty { form.addField("description", alt) }
            form.addFile("file", fileName: (file.path as NSString).lastPathComponent, mimeType: file.mimeType, bytes: bytes)
            var upload = try request("POST", "/api/v2/media", credentials)
            upload.headers["Content-Type"] = form.contentType
            upload.body = form.finished
            let now = environment.clock()
            let response = try await api.send(upload, mutates: false) { MastodonResponseClassifier.classify($0, now: now) }
            let attachment = try api.json(response, mutated: false)
            guard let id = attachment["id"].string else {
                throw NetworkFailure(.transient("Mastodon media upload gave no id"))
            }
            // 202 with `url` null: a video still processing, which a status may not attach yet (media.md).
            if response.status == 202 || attachment["url"].string == nil {
                try await waitUntilProcessed(id, credentials: credentials)
            }
            ids.append(id)
        }
        return ids
    }

    /// `GET /api/v1/media/:id` until it answers 200 (206 while processing), at most ``maxPolls`` times.
    private func waitUntilProcessed(_ id: String, credentials: AccountCredentials) async throws(NetworkFailure) {
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        for poll in 0..<maxPolls {
            if poll > 0 { try? await Task.sleep(for: pollInterval) }
            let now = environment.clock()
            let response = try await api.send(try request("GET", "/api/v1/media/\(id)", credentials), mutates: false) {
                MastodonResponseClassifier.classify($0, now: now)
            }
            if response.status == 200, try api.json(response, mutated: false)["url"].string != nil { return }
        }
        throw NetworkFailure(.transient("Mastodon media \(id) is still processing"))
    }

    /// The account id: the stored one when it is numeric (Mastodon ids are integers sent as strings), else the token's
    /// (`GET /api/v1/accounts/verify_credentials`).
    private func accountID(_ credentials: AccountCredentials) async throws(NetworkFailure) -> String {
        if let stored = credentials.remoteUserID, XClient.isUserID(stored) { return stored }
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        let response = try await api.send(
            try request("GET", "/api/v1/accounts/verify_credentials", credentials), mutates: false
        ) { MastodonResponseClassifier.classify($0, now: now) }
        guard let id = try api.json(response, mutated: false)["id"].string, !id.isEmpty else {
            throw NetworkFailure(.permanent("Mastodon did not say the account id"))
        }
        return id
    }

    /// Looks the account's recent statuses up for the variant's text.
    public func lookUp(_ post: OutgoingPost, pending: PublishReceipt?, credentials: AccountCredentials) async -> LookUpOutcome {
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        do {
            let account = try await accountID(credentials)
            let list = try request("GET", "/api/v1/accounts/\(account)/statuses", credentials, query: [("limit", "40")])
            let response = try await api.send(list, mutates: false) { MastodonResponseClassifier.classify($0, now: now) }
            for status in try api.json(response, mutated: false).array
            where PostTextMatcher.matches(post.text, status["content"].string ?? "") {
                if var receipt = receipt(status) {
                    receipt.createdAt = NetworkTimestamp.date(from: status["created_at"].string)
                    return .found(receipt)
                }
            }
            return .notFound
        } catch { return .failed(error.outcome) }
    }

    /// `GET /api/v1/statuses/:id`: favourites, reblogs, replies, and quotes where the server counts them
    /// (`quotes_count`, Mastodon 4.5 on).
    public func fetchMetrics(_ receipt: PublishReceipt, credentials: AccountCredentials) async -> MetricsOutcome {
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        do {
            let response = try await api.send(
                try request("GET", "/api/v1/statuses/\(receipt.remoteID)", credentials), mutates: false
            ) { MastodonResponseClassifier.classify($0, now: now) }
            let status = try api.json(response, mutated: false)
            var counters: [String: Int] = [:]
            for name in ["favourites_count", "reblogs_count", "replies_count"] { counters[name] = status[name].int ?? 0 }
            if let quotes = status["quotes_count"].int { counters["quotes_count"] = quotes }
            return .fetched(EngagementMetrics(counters: counters, fetchedAt: now))
        } catch { return .failed(error.outcome) }
    }

    /// Mastodon tokens do not expire: the same credentials come back.
    public func refreshCredentials(_ credentials: AccountCredentials) async -> RefreshOutcome { .refreshed(credentials) }
}
