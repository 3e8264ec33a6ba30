import Foundation
import GlocalCore

/// Facebook Pages: `POST /{page}/feed`, photos and videos, with the page token; the link as the first comment when asked.
public struct FacebookClient: NetworkClient {
    /// Always `.facebook`.
    public let network = Network.facebook
    let environment: ClientEnvironment
    /// The Graph API version path (`v25.0`).
    public let apiVersion: String

    /// Creates a client speaking Graph `apiVersion`, by default the environment's (glocal.yaml's pin or
    /// ``APIVersionTable``'s default).
    public init(environment: ClientEnvironment, apiVersion: String? = nil) {
        self.environment = environment
        self.apiVersion = apiVersion ?? environment.apiVersions.effective(.facebook).name ?? "v25.0"
    }

    private func graph(_ credentials: AccountCredentials) -> GraphRequests {
        let base =
            environment.endpoints.apiBase(.facebook, credentials: credentials) ?? URL(string: "https://graph.facebook.com")!
        return GraphRequests(base: base, version: apiVersion, token: credentials.accessToken)
    }

    /// Graph requests on the video host, where Page videos are published (`graph-video.facebook.com`).
    private func videoGraph(_ credentials: AccountCredentials) -> GraphRequests {
        let base =
            environment.endpoints.videoBase(.facebook, credentials: credentials)
            ?? URL(string: "https://graph-video.facebook.com")!
        return GraphRequests(base: base, version: apiVersion, token: credentials.accessToken)
    }

    private func receipt(_ id: String, permalink: String? = nil) -> PublishReceipt {
        PublishReceipt(remoteID: id, url: permalink ?? "https://www.facebook.com/\(id)")
    }

    /// Posts `message` (and `link` when inline, for the preview), or the media post of ``FacebookMediaPublisher``;
    /// a `first_comment` link then goes in a comment. The receipt's id is always the feed post `{page}_{post}`.
    public func publish(
        _ post: OutgoingPost, credentials: AccountCredentials, pending: PublishReceipt?, onPending: PendingRecorder
    ) async -> PublishOutcome {
        guard let page = credentials.pageID else { return .permanent("the Facebook page id is not known") }
        if let refusal = FacebookMediaPublisher.refusal(post.media) { return refusal }
        let now = environment.clock()
        let graph = graph(credentials)
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        let classify: (HTTPResponse) -> PublishOutcome? = { FacebookResponseClassifier.classify($0, now: now) }
        do {
            var receipt: PublishReceipt
            if post.media.isEmpty {
                var form = [("message", post.text)]
                if post.linkPlacement == .inline, let link = post.link { form.append(("link", link)) }
                let response = try await api.send(graph.post("\(page)/feed", form), mutates: true, classify: classify)
                guard let id = try api.json(response, mutated: true)["id"].string else {
                    return .unknown("Facebook accepted the post without an id")
                }
                receipt = self.receipt(id)
            } else {
                let publisher = FacebookMediaPublisher(
                    page: page, graph: graph, videoGraph: videoGraph(credentials), appID: credentials.clientID, api: api,
                    now: now)
                let result = try await publisher.publish(post)
                guard let found = await postReceipt(result, post: post, credentials: credentials) else {
                    return .unknown("Facebook took the video \(result.extra["video_id"] ?? "") but its post is not in the feed")
                }
                receipt = found
                receipt.extra.merge(result.extra) { _, new in new }
            }
            if let link = post.separateLink, post.linkPlacement == .firstComment {
                do {
                    let answer = try await api.send(
                        graph.post("\(receipt.remoteID)/comments", [("message", link)]), mutates: true, classify: classify)
                    receipt.extra["first_comment_id"] = JSON(data: answer.body)["id"].string
                } catch { receipt.extra["first_comment_error"] = error.outcome.description }
            }
            return .published(receipt)
        } catch {
            guard case .duplicate = error.outcome else { return error.outcome }
            return await resolveDuplicate(post, credentials: credentials)
        }
    }

    /// The feed post of a media post: answered by the photo or feed call, or (a video) found in the page's feed.
    private func postReceipt(
        _ result: FacebookMediaPublisher.Result, post: OutgoingPost, credentials: AccountCredentials
    ) async -> PublishReceipt? {
        if let id = result.postID { return receipt(id) }
        if case .found(let found) = await lookUp(post, pending: nil, credentials: credentials) { return found }
        return nil
    }

    /// Finds the post in the page's recent feed by its message.
    public func lookUp(_ post: OutgoingPost, pending: PublishReceipt?, credentials: AccountCredentials) async -> LookUpOutcome {
        guard let page = credentials.pageID else { return .failed(.permanent("the Facebook page id is not known")) }
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        let request = graph(credentials).get("\(page)/feed", [("fields", "id,message,permalink_url"), ("limit", "25")])
        do {
            let response = try await api.send(request, mutates: false) { FacebookResponseClassifier.classify($0, now: now) }
            for item in try api.json(response, mutated: false)["data"].array
            where PostTextMatcher.matches(post.text, item["message"].string ?? "") {
                // No `createdAt`: the Graph API pages shared/specs quotes give a feed item no creation time, so the
                // dispatcher dates the post by the look-up.
                if let id = item["id"].string { return .found(receipt(id, permalink: item["permalink_url"].string)) }
            }
            return .notFound
        } catch { return .failed(error.outcome) }
    }

    /// Reactions, comments and shares of the post.
    public func fetchMetrics(_ receipt: PublishReceipt, credentials: AccountCredentials) async -> MetricsOutcome {
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        let request = graph(credentials).get(
            receipt.remoteID, [("fields", "reactions.summary(true),comments.summary(true),shares")])
        do {
            let response = try await api.send(request, mutates: false) { FacebookResponseClassifier.classify($0, now: now) }
            let json = try api.json(response, mutated: false)
            let counters = [
                "reactions": json["reactions"]["summary"]["total_count"].int ?? 0,
                "comments": json["comments"]["summary"]["total_count"].int ?? 0, "shares": json["shares"]["count"].int ?? 0,
            ]
            return .fetched(EngagementMetrics(counters: counters, fetchedAt: now))
        } catch { return .failed(error.outcome) }
    }

    /// `fb_exchange_token` for a new long-lived token (needs the app id and secret).
    public func refreshCredentials(_ credentials: AccountCredentials) async -> RefreshOutcome {
        let base =
            environment.endpoints.apiBase(.facebook, credentials: credentials) ?? URL(string: "https://graph.facebook.com")!
        let request = HTTPRequest(
            method: "GET",
            url: FormEncoding.url(
                base, path: "/\(apiVersion)/oauth/access_token",
                query: [
                    ("grant_type", "fb_exchange_token"), ("client_id", credentials.clientID ?? ""),
                    ("client_secret", credentials.clientSecret ?? ""), ("fb_exchange_token", credentials.accessToken),
                ]))
        let now = environment.clock()
        return await GraphTokenRefresh.run(
            request, credentials: credentials, transport: environment.transport, now: now,
            classify: { FacebookResponseClassifier.classify($0, now: now) })
    }
}
