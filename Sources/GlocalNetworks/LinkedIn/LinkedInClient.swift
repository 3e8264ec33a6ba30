import Foundation
import GlocalCore

/// LinkedIn Posts API (`POST /rest/posts`, versioned headers) with images and videos uploaded first
/// (``LinkedInMediaUploader``), the link as the first comment when asked.
public struct LinkedInClient: NetworkClient {
    /// Always `.linkedin`.
    public let network = Network.linkedin
    let environment: ClientEnvironment
    /// The `LinkedIn-Version` header (`YYYYMM`).
    public let apiVersion: String

    /// Creates a client speaking API version `apiVersion`, by default the environment's (glocal.yaml's pin or
    /// ``APIVersionTable``'s default).
    public init(environment: ClientEnvironment, apiVersion: String? = nil) {
        self.environment = environment
        self.apiVersion = apiVersion ?? environment.apiVersions.effective(.linkedin).name ?? "202606"
    }

    private func requests(_ credentials: AccountCredentials) -> LinkedInRequests {
        let base = environment.endpoints.apiBase(.linkedin, credentials: credentials) ?? URL(string: "https://api.linkedin.com")!
        return LinkedInRequests(base: base, version: apiVersion, token: credentials.accessToken)
    }

    private func request(
        _ method: String, _ path: String, _ credentials: AccountCredentials, query: [(String, String)] = [], json: Any? = nil
    ) -> HTTPRequest {
        requests(credentials).request(method, path, query: query, json: json)
    }

    private func receipt(_ urn: String) -> PublishReceipt {
        PublishReceipt(remoteID: urn, url: "https://www.linkedin.com/feed/update/\(urn)")
    }

    /// Uploads the media, publishes the post referencing it; a `first_comment` link is then a comment by the author.
    public func publish(
        _ post: OutgoingPost, credentials: AccountCredentials, pending: PublishReceipt?, onPending: PendingRecorder
    ) async -> PublishOutcome {
        guard let author = credentials.authorURN else { return .permanent("the LinkedIn author URN is not known") }
        if let refusal = LinkedInMediaUploader.refusal(post.media) { return refusal }
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        var body: [String: Any] = [
            "author": author, "commentary": LinkedInLittleText.commentary(for: post.text), "visibility": "PUBLIC",
            "distribution": ["feedDistribution": "MAIN_FEED", "targetEntities": [], "thirdPartyDistributionChannels": []],
            "lifecycleState": "PUBLISHED", "isReshareDisabledByAuthor": false,
        ]
        do {
            if !post.media.isEmpty {
                let uploader = LinkedInMediaUploader(requests: requests(credentials), api: api, now: now)
                body["content"] = try await uploader.content(for: post.media, owner: author, title: post.title)
            }
            let response = try await api.send(request("POST", "/rest/posts", credentials, json: body), mutates: true) {
                LinkedInResponseClassifier.classify($0, now: now)
            }
            guard let urn = response.header("x-restli-id") ?? JSON(data: response.body)["id"].string else {
                return .unknown("LinkedIn accepted the post without an id")
            }
            var receipt = receipt(urn)
            if let link = post.separateLink, post.linkPlacement == .firstComment {
                let comment: [String: Any] = ["actor": author, "object": urn, "message": ["text": link]]
                let path = "/rest/socialActions/\(FormEncoding.escape(urn))/comments"
                do {
                    let answer = try await api.send(request("POST", path, credentials, json: comment), mutates: true) {
                        LinkedInResponseClassifier.classify($0, now: now)
                    }
                    receipt.extra["first_comment_id"] = answer.header("x-restli-id") ?? JSON(data: answer.body)["id"].string
                } catch { receipt.extra["first_comment_error"] = error.outcome.description }
            }
            return .published(receipt)
        } catch {
            guard case .duplicate = error.outcome else { return error.outcome }
            return await resolveDuplicate(post, credentials: credentials)
        }
    }

    /// Finds the post among the author's recent posts by its commentary.
    public func lookUp(_ post: OutgoingPost, pending: PublishReceipt?, credentials: AccountCredentials) async -> LookUpOutcome {
        guard let author = credentials.authorURN else { return .failed(.permanent("the LinkedIn author URN is not known")) }
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        let commentary = LinkedInLittleText.commentary(for: post.text)
        let list = request("GET", "/rest/posts", credentials, query: [("author", author), ("q", "author"), ("count", "20")])
        do {
            let response = try await api.send(list, mutates: false) { LinkedInResponseClassifier.classify($0, now: now) }
            for element in try api.json(response, mutated: false)["elements"].array
            where PostTextMatcher.matches(commentary, element["commentary"].string ?? "") {
                // No `createdAt`: the Posts API pages shared/specs quotes give a post no creation time, so the
                // dispatcher dates the post by the look-up.
                if let id = element["id"].string { return .found(receipt(id)) }
            }
            return .notFound
        } catch { return .failed(error.outcome) }
    }

    /// `socialActions/{urn}`: likes and comments.
    public func fetchMetrics(_ receipt: PublishReceipt, credentials: AccountCredentials) async -> MetricsOutcome {
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        let path = "/rest/socialActions/\(FormEncoding.escape(receipt.remoteID))"
        do {
            let response = try await api.send(request("GET", path, credentials), mutates: false) {
                LinkedInResponseClassifier.classify($0, now: now)
            }
            let json = try api.json(response, mutated: false)
            let counters = [
                "likes": json["likesSummary"]["totalLikes"].int ?? 0,
                "comments": json["commentsSummary"]["aggregatedTotalComments"].int ?? 0,
            ]
            return .fetched(EngagementMetrics(counters: counters, fetchedAt: now))
        } catch { return .failed(error.outcome) }
    }

    /// `POST /oauth/v2/accessToken` with `grant_type=refresh_token`.
    public func refreshCredentials(_ credentials: AccountCredentials) async -> RefreshOutcome {
        guard let refreshToken = credentials.refreshToken else { return .reconnectRequired("no LinkedIn refresh token") }
        let base = environment.endpoints.authBase(.linkedin, credentials: credentials) ?? URL(string: "https://www.linkedin.com")!
        let form = FormEncoding.encode([
            ("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", credentials.clientID ?? ""),
            ("client_secret", credentials.clientSecret ?? ""),
        ])
        let request = HTTPRequest(
            method: "POST", url: FormEncoding.url(base, path: "/oauth/v2/accessToken"),
            headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(form.utf8))
        return await OAuthTokenExchange.run(
            request, credentials: credentials, transport: environment.transport, now: environment.clock())
    }
}
