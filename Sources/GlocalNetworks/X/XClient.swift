import Foundation
import GlocalCore

/// X API v2: `POST /2/tweets`, media through ``XMediaUpload`` (alt text with `POST /2/media/metadata`), the link as a
/// reply.
public struct XClient: NetworkClient {
    /// Always `.x`.
    public let network = Network.x
    let environment: ClientEnvironment
    /// The length of one of X's `check_after_secs` seconds while a video or GIF is processed.
    public let pollInterval: Duration
    /// Status checks of one video or GIF before the attempt is given up as transient.
    public let maxPolls: Int

    /// Creates a client.
    public init(environment: ClientEnvironment, pollInterval: Duration = .seconds(1), maxPolls: Int = 60) {
        self.environment = environment
        self.pollInterval = pollInterval
        self.maxPolls = maxPolls
    }

    private func base(_ credentials: AccountCredentials) -> URL {
        environment.endpoints.apiBase(.x, credentials: credentials) ?? URL(string: "https://api.x.com")!
    }

    private func caller(_ credentials: AccountCredentials) -> APICaller {
        APICaller(transport: environment.transport, secrets: credentials.secrets)
    }

    private func request(
        _ method: String, _ url: URL, _ credentials: AccountCredentials, json: Any? = nil
    ) -> HTTPRequest {
        var headers = ["Authorization": "Bearer \(credentials.accessToken)"]
        if json != nil { headers["Content-Type"] = "application/json" }
        return HTTPRequest(method: method, url: url, headers: headers, body: json.map(JSON.encode))
    }

    /// Publishes the tweet, then the link as a reply when `linkPlacement` is `reply`.
    public func publish(
        _ post: OutgoingPost, credentials: AccountCredentials, pending: PublishReceipt?, onPending: PendingRecorder
    ) async -> PublishOutcome {
        let now = environment.clock()
        let api = caller(credentials)
        do {
            var body: [String: Any] = ["text": post.text]
            let mediaIDs = try await upload(post.media, credentials: credentials)
            if !mediaIDs.isEmpty { body["media"] = ["media_ids": mediaIDs] }
            let url = FormEncoding.url(base(credentials), path: "/2/tweets")
            let response = try await api.send(request("POST", url, credentials, json: body), mutates: true) {
                XResponseClassifier.classify($0, now: now)
            }
            guard let id = try api.json(response, mutated: true)["data"]["id"].string else {
                return .unknown("X accepted the post without an id")
            }
            var receipt = PublishReceipt(
                remoteID: id, url: "https://x.com/\(post.handle)/status/\(id)",
                quotaExhaustedUntil: RateLimitQuota.x(headers: response.headers, now: now))
            if let link = post.separateLink {
                let reply: [String: Any] = ["text": link, "reply": ["in_reply_to_tweet_id": id]]
                do {
                    let answer = try await api.send(request("POST", url, credentials, json: reply), mutates: true) {
                        XResponseClassifier.classify($0, now: now)
                    }
                    receipt.extra["reply_id"] = JSON(data: answer.body)["data"]["id"].string
                    receipt.quotaExhaustedUntil = RateLimitQuota.x(headers: answer.headers, now: now)
                } catch {
                    receipt.extra["reply_error"] = error.outcome.description
                    receipt.quotaExhaustedUntil = error.outcome.rateLimitReset(after: now) ?? receipt.quotaExhaustedUntil
                }
            }
            return .published(receipt)
        } catch {
            if case .duplicate = error.outcome { return await resolveDuplicate(post, credentials: credentials) }
            return error.outcome
        }
    }

    /// Uploads each file (``XMediaUpload``: images at once, videos and GIFs in segments, then processed), then its
    /// alt text when it has one.
    private func upload(_ media: [MediaFile], credentials: AccountCredentials) async throws(NetworkFailure) -> [String] {
        let uploader = XMediaUpload(
            environment: environment, credentials: credentials, base: base(credentials), pollInterval: pollInterval,
            maxPolls: maxPolls)
        var ids: [String] = []
        for file in media {
            let id = try await uploader.upload(file)
            if let alt = file.altText, !alt.isEmpty { try await describe(id, alt: alt, credentials: credentials) }
            ids.append(id)
        }
        return ids
    }

    /// Sets an uploaded media's alt text (`POST /2/media/metadata`, `metadata.alt_text.text`).
    private func describe(_ id: String, alt: String, credentials: AccountCredentials) async throws(NetworkFailure) {
        let body: [String: Any] = ["id": id, "metadata": ["alt_text": ["text": alt]]]
        let url = FormEncoding.url(base(credentials), path: "/2/media/metadata")
        let now = environment.clock()
        _ = try await caller(credentials).send(request("POST", url, credentials, json: body), mutates: false) {
            XResponseClassifier.classify($0, now: now)
        }
    }

    /// The numeric user id: the stored one when it is numeric (`^[0-9]{1,19}$`), else the token's (`GET /2/users/me`).
    private func userID(_ credentials: AccountCredentials) async throws(NetworkFailure) -> String {
        if let stored = credentials.remoteUserID, Self.isUserID(stored) { return stored }
        let now = environment.clock()
        let api = caller(credentials)
        let response = try await api.send(
            request("GET", FormEncoding.url(base(credentials), path: "/2/users/me"), credentials), mutates: false
        ) { XResponseClassifier.classify($0, now: now) }
        guard let id = try api.json(response, mutated: false)["data"]["id"].string, Self.isUserID(id) else {
            throw NetworkFailure(.permanent("X did not say the user id"))
        }
        return id
    }

    /// Whether `text` is an X user id: 1 to 19 ASCII digits.
    public static func isUserID(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 19 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Looks the account's recent tweets up for the variant's text (X has no idempotency key).
    public func lookUp(_ post: OutgoingPost, pending: PublishReceipt?, credentials: AccountCredentials) async -> LookUpOutcome {
        let now = environment.clock()
        let api = caller(credentials)
        do {
            let user = try await userID(credentials)
            let url = FormEncoding.url(
                base(credentials), path: "/2/users/\(user)/tweets",
                query: [("max_results", "100"), ("tweet.fields", "created_at")])
            let response = try await api.send(request("GET", url, credentials), mutates: false) {
                XResponseClassifier.classify($0, now: now)
            }
            for tweet in try api.json(response, mutated: false)["data"].array
            where PostTextMatcher.matches(post.text, tweet["text"].string ?? "") {
                guard let id = tweet["id"].string else { continue }
                return .found(
                    PublishReceipt(
                        remoteID: id, url: "https://x.com/\(post.handle)/status/\(id)",
                        createdAt: NetworkTimestamp.date(from: tweet["created_at"].string)))
            }
            return .notFound
        } catch { return .failed(error.outcome) }
    }

    /// `public_metrics` of the tweet, reposts counted once (``XPublicMetrics``).
    public func fetchMetrics(_ receipt: PublishReceipt, credentials: AccountCredentials) async -> MetricsOutcome {
        let url = FormEncoding.url(
            base(credentials), path: "/2/tweets", query: [("ids", receipt.remoteID), ("tweet.fields", "public_metrics")])
        let now = environment.clock()
        let api = caller(credentials)
        do {
            let response = try await api.send(request("GET", url, credentials), mutates: false) {
                XResponseClassifier.classify($0, now: now)
            }
            let metrics = try api.json(response, mutated: false)["data"][0]["public_metrics"]
            guard metrics.exists else { return .failed(.permanent("X returned no metrics for \(receipt.remoteID)")) }
            return .fetched(EngagementMetrics(counters: XPublicMetrics.counters(metrics.integerMembers), fetchedAt: now))
        } catch { return .failed(error.outcome) }
    }

    /// OAuth 2 refresh (`grant_type=refresh_token`): a confidential client (an app secret is stored) authenticates
    /// with HTTP Basic, as X requires at its token endpoint; a public one names its `client_id`.
    public func refreshCredentials(_ credentials: AccountCredentials) async -> RefreshOutcome {
        guard let refreshToken = credentials.refreshToken else { return .reconnectRequired("no X refresh token") }
        let base = environment.endpoints.authBase(.x, credentials: credentials) ?? base(credentials)
        var fields = [("grant_type", "refresh_token"), ("refresh_token", refreshToken)]
        var headers = ["Content-Type": "application/x-www-form-urlencoded"]
        if let secret = credentials.clientSecret, !secret.isEmpty {
            headers["Authorization"] =
                "Basic " + Data("\(credentials.clientID ?? ""):\(secret)".utf8).base64EncodedString()
        } else {
            fields.append(("client_id", credentials.clientID ?? ""))
        }
        let request = HTTPRequest(
            method: "POST", url: FormEncoding.url(base, path: "/2/oauth2/token"), headers: headers,
            body: Data(FormEncoding.encode(fields).utf8))
        return await OAuthTokenExchange.run(
            request, credentials: credentials, transport: environment.transport, now: environment.clock())
    }
}
