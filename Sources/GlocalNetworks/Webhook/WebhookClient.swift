import Foundation
import GlocalCore

/// Sends variants as JSON to a receiver of your own (`POST {base}/posts` with `Idempotency-Key`), for networks or
/// tools glocal has no client for. The receiver answers 201 `{id, url}`, or 409 `{id, url}` for a repeated key.
public struct WebhookClient: NetworkClient {
    /// The network whose variants this webhook receives.
    public let network: Network
    let environment: ClientEnvironment

    /// Creates a client for `network`'s variants.
    public init(network: Network, environment: ClientEnvironment) {
        self.network = network
        self.environment = environment
    }

    private func request(
        _ method: String, _ path: String, _ credentials: AccountCredentials, query: [(String, String)] = [], json: Any? = nil
    ) throws(NetworkFailure) -> HTTPRequest {
        guard let base = environment.endpoints.webhook ?? credentials.serverURL else {
            throw NetworkFailure(.permanent("the webhook URL is not known"))
        }
        var headers = ["Authorization": "Bearer \(credentials.accessToken)"]
        if json != nil { headers["Content-Type"] = "application/json" }
        return HTTPRequest(
            method: method, url: FormEncoding.url(base, path: path, query: query), headers: headers, body: json.map(JSON.encode))
    }

    static func body(for post: OutgoingPost) -> [String: Any] {
        var body: [String: Any] = [
            "variant_id": post.variantID, "idempotency_key": post.idempotencyKey, "network": post.network.rawValue,
            "account_id": post.accountID, "handle": post.handle, "locale": post.locale, "text": post.text,
            "link_placement": post.linkPlacement.rawValue,
            "media": post.media.map { ["path": $0.path, "url": $0.publicURL?.absoluteString ?? NSNull()] as [String: Any] },
        ]
        if let title = post.title { body["title"] = title }
        if let link = post.link { body["link"] = link }
        return body
    }

    /// Posts the variant; a 409 carries the existing post.
    public func publish(
        _ post: OutgoingPost, credentials: AccountCredentials, pending: PublishReceipt?, onPending: PendingRecorder
    ) async -> PublishOutcome {
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        do {
            var request = try request("POST", "/posts", credentials, json: Self.body(for: post))
            request.headers["Idempotency-Key"] = post.idempotencyKey
            let response = try await api.send(request, mutates: true) { WebhookResponseClassifier.classify($0, now: now) }
            let json = try api.json(response, mutated: true)
            guard let id = json["id"].string else { return .unknown("the webhook accepted the post without an id") }
            return .published(PublishReceipt(remoteID: id, url: json["url"].string))
        } catch { return error.outcome }
    }

    /// `GET {base}/posts?idempotency_key=…`: 200 found, 404 not found.
    public func lookUp(_ post: OutgoingPost, pending: PublishReceipt?, credentials: AccountCredentials) async -> LookUpOutcome {
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        do {
            let request = try request("GET", "/posts", credentials, query: [("idempotency_key", post.idempotencyKey)])
            let response = try await api.send(request, mutates: false) {
                $0.status == 404 ? nil : WebhookResponseClassifier.classify($0, now: now)
            }
            guard response.status != 404 else { return .notFound }
            let json = try api.json(response, mutated: false)
            guard let id = json["id"].string else { return .notFound }
            return .found(PublishReceipt(remoteID: id, url: json["url"].string))
        } catch { return .failed(error.outcome) }
    }

    /// `GET {base}/posts/{id}/metrics`: an object of integer counters.
    public func fetchMetrics(_ receipt: PublishReceipt, credentials: AccountCredentials) async -> MetricsOutcome {
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        do {
            let request = try request("GET", "/posts/\(FormEncoding.escape(receipt.remoteID))/metrics", credentials)
            let response = try await api.send(request, mutates: false) { WebhookResponseClassifier.classify($0, now: now) }
            return .fetched(EngagementMetrics(counters: try api.json(response, mutated: false).integerMembers, fetchedAt: now))
        } catch { return .failed(error.outcome) }
    }

    /// Webhook tokens are static: the same credentials come back.
    public func refreshCredentials(_ credentials: AccountCredentials) async -> RefreshOutcome { .refreshed(credentials) }
}
