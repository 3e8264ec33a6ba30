import Foundation
import GlocalCore

/// Google Business Profile (My Business API v4): a local post on the account's location
/// (`POST /v4/{location}/localPosts`), looked up in `GET /v4/{location}/localPosts`, its insights from
/// `POST /v4/{location}/localPosts:reportInsights` (the Performance API reports locations, not posts), and the
/// Google OAuth refresh (`POST https://oauth2.googleapis.com/token`).
///
/// `localPosts.create` has no request id, so `publish` records a pending receipt (the location) before the create,
/// and a publish resumed from it looks the location's posts up first.
public struct GoogleBusinessClient: NetworkClient {
    /// Always `.googleBusiness`.
    public let network = Network.googleBusiness
    let environment: ClientEnvironment

    /// Creates a client.
    public init(environment: ClientEnvironment) { self.environment = environment }

    private func base(_ credentials: AccountCredentials) -> URL {
        environment.endpoints.apiBase(.googleBusiness, credentials: credentials)
            ?? URL(string: "https://mybusiness.googleapis.com")!
    }

    private func send(
        _ method: String, _ url: URL, _ credentials: AccountCredentials, json: Any? = nil, mutates: Bool = false
    ) async throws(NetworkFailure) -> JSON {
        var headers = ["Authorization": "Bearer \(credentials.accessToken)"]
        if json != nil { headers["Content-Type"] = "application/json" }
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        let response = try await api.send(
            HTTPRequest(method: method, url: url, headers: headers, body: json.map(JSON.encode)), mutates: mutates
        ) { GoogleBusinessResponseClassifier.classify($0, now: now) }
        return try api.json(response, mutated: mutates)
    }

    /// The location of the post: the account's, else the pending receipt's, else the credentials' user id.
    static func location(_ post: OutgoingPost, pending: PublishReceipt?, credentials: AccountCredentials) -> String? {
        post.businessLocation ?? pending?.extra["location"] ?? credentials.remoteUserID
    }

    /// Creates the local post (after a look-up when resumed from `pending`).
    public func publish(
        _ post: OutgoingPost, credentials: AccountCredentials, pending: PublishReceipt?, onPending: PendingRecorder
    ) async -> PublishOutcome {
        guard let location = Self.location(post, pending: pending, credentials: credentials) else {
            return .permanent("no Business Profile location for \(post.accountID) (location in accounts.yaml)")
        }
        // Resumed after an attempt: only a look-up that finds nothing lets the create go out again.
        if pending != nil {
            switch await lookUp(post, pending: pending, credentials: credentials) {
            case .found(let existing): return .duplicate(existing)
            case .failed(let outcome): return outcome
            case .notFound: break
            }
        }
        do throws(NetworkFailure) {
            let body = try GoogleBusinessLocalPost.body(post)
            do {
                try await onPending(PublishReceipt(remoteID: "", extra: ["location": location, "attempt": "local_post"]))
            } catch {
                return .transient("could not record the pending local post")
            }
            let url = FormEncoding.url(base(credentials), path: "/v4/\(location)/localPosts")
            let created: JSON
            do throws(NetworkFailure) { created = try await send("POST", url, credentials, json: body, mutates: true) } catch {
                // No idempotency key either: after a passing failure of the create itself (a 5xx) the local post may
                // be out, so the next attempt looks it up before making another.
                guard case .transient(let reason) = error.outcome else { throw error }
                return .unknown("creating the local post failed: \(reason)")
            }
            guard let name = created["name"].string else { return .unknown("Google accepted the post without a name") }
            return .published(Self.receipt(created, name: name, location: location))
        } catch {
            if case .duplicate = error.outcome { return await resolveDuplicate(post, credentials: credentials) }
            return error.outcome
        }
    }

    static func receipt(_ localPost: JSON, name: String, location: String) -> PublishReceipt {
        var extra = ["location": location]
        extra["state"] = localPost["state"].string
        return PublishReceipt(remoteID: name, url: localPost["searchUrl"].string, extra: extra)
    }

    /// The location's local posts (`GET /v4/{location}/localPosts`) by summary.
    public func lookUp(_ post: OutgoingPost, pending: PublishReceipt?, credentials: AccountCredentials) async -> LookUpOutcome {
        guard let location = Self.location(post, pending: pending, credentials: credentials) else { return .notFound }
        let url = FormEncoding.url(base(credentials), path: "/v4/\(location)/localPosts", query: [("pageSize", "100")])
        do {
            for localPost in try await send("GET", url, credentials)["localPosts"].array
            where PostTextMatcher.matches(post.text, localPost["summary"].string ?? "") {
                // No `createdAt`: shared/specs holds no Business Profile reference that documents a local post's
                // creation time, so the dispatcher dates the post by the look-up.
                guard let name = localPost["name"].string else { continue }
                return .found(Self.receipt(localPost, name: name, location: location))
            }
            return .notFound
        } catch { return .failed(error.outcome) }
    }

    /// `localPosts:reportInsights` with `metric: ALL` over the last 18 months, the totals by metric name.
    public func fetchMetrics(_ receipt: PublishReceipt, credentials: AccountCredentials) async -> MetricsOutcome {
        let now = environment.clock()
        guard let range = receipt.remoteID.range(of: "/localPosts/") else {
            return .failed(.permanent("'\(receipt.remoteID)' is not a local post name"))
        }
        let location = String(receipt.remoteID[..<range.lowerBound])
        let iso = ISO8601DateFormatter()
        let body: [String: Any] = [
            "localPostNames": [receipt.remoteID],
            "basicRequest": [
                "metricRequests": [["metric": "ALL"]],
                "timeRange": [
                    "startTime": iso.string(from: now.addingTimeInterval(-540 * 86_400)), "endTime": iso.string(from: now),
                ],
            ],
        ]
        let url = FormEncoding.url(base(credentials), path: "/v4/\(location)/localPosts:reportInsights")
        do {
            let report = try await send("POST", url, credentials, json: body)
            let entry = report["localPostMetrics"].array.first { $0["localPostName"].string == receipt.remoteID }
            guard let entry else { return .failed(.permanent("Google returned no insights for \(receipt.remoteID)")) }
            var counters: [String: Int] = [:]
            for value in entry["metricValues"].array {
                if let metric = value["metric"].string, let total = value["totalValue"]["value"].int { counters[metric] = total }
            }
            return .fetched(EngagementMetrics(counters: counters, fetchedAt: now))
        } catch { return .failed(error.outcome) }
    }

    /// Google's token endpoint (`grant_type=refresh_token` with the client id and secret); Google sends no new
    /// refresh token, so the stored one is kept.
    public func refreshCredentials(_ credentials: AccountCredentials) async -> RefreshOutcome {
        guard let refreshToken = credentials.refreshToken else { return .reconnectRequired("no Google refresh token") }
        let base = environment.endpoints.auth[.googleBusiness] ?? URL(string: "https://oauth2.googleapis.com")!
        let form = FormEncoding.encode([
            ("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", credentials.clientID ?? ""),
            ("client_secret", credentials.clientSecret ?? ""),
        ])
        let request = HTTPRequest(
            method: "POST", url: FormEncoding.url(base, path: "/token"),
            headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(form.utf8))
        return await OAuthTokenExchange.run(
            request, credentials: credentials, transport: environment.transport, now: environment.clock())
    }
}
