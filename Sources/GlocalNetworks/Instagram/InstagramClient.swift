import Foundation
import GlocalCore

/// Instagram (Instagram API with Instagram Login): media container → `status_code` → `media_publish`.
/// Media must have a public URL: Instagram downloads it.
public struct InstagramClient: NetworkClient {
    /// Always `.instagram`.
    public let network = Network.instagram
    let environment: ClientEnvironment
    /// The Graph API version path (`v25.0`).
    public let apiVersion: String
    /// Time between container status polls.
    public let pollInterval: Duration

    /// Creates a client speaking Graph `apiVersion`, by default the environment's (glocal.yaml's pin or
    /// ``APIVersionTable``'s default).
    public init(environment: ClientEnvironment, apiVersion: String? = nil, pollInterval: Duration = .seconds(2)) {
        self.environment = environment
        self.apiVersion = apiVersion ?? environment.apiVersions.effective(.instagram).name ?? "v25.0"
        self.pollInterval = pollInterval
    }

    private func flow(_ credentials: AccountCredentials) throws(NetworkFailure) -> ContainerFlow {
        guard let user = credentials.remoteUserID else { throw NetworkFailure(.permanent("the Instagram user id is not known")) }
        let base =
            environment.endpoints.apiBase(.instagram, credentials: credentials) ?? URL(string: "https://graph.instagram.com")!
        let now = environment.clock()
        return ContainerFlow(
            style: .instagram, graph: GraphRequests(base: base, version: apiVersion, token: credentials.accessToken),
            api: APICaller(transport: environment.transport, secrets: credentials.secrets), userID: user,
            classify: { InstagramResponseClassifier.classify($0, now: now) }, pollInterval: pollInterval, maxPolls: 30)
    }

    static func forms(for post: OutgoingPost) throws(NetworkFailure) -> ContainerForms {
        guard !post.media.isEmpty else { throw NetworkFailure(.invalidContent("Instagram needs at least one image or video")) }
        var items: [[(String, String)]] = []
        for file in post.media {
            guard let url = file.publicURL?.absoluteString else {
                throw NetworkFailure(.invalidContent("Instagram needs a public URL for \(file.path)"))
            }
            // `alt_text` is taken on images only (single and carousel items), not on reels or videos.
            items.append(file.isVideo ? [("media_type", "VIDEO"), ("video_url", url)] : [("image_url", url)] + altText(file))
        }
        if items.count == 1 {
            var single = items[0]
            if post.media[0].isVideo { single[0] = ("media_type", "REELS") }
            return ContainerForms(children: [], main: single + [("caption", post.text)])
        }
        return ContainerForms(
            children: items.map { $0 + [("is_carousel_item", "true")] },
            main: [("media_type", "CAROUSEL"), ("caption", post.text)])
    }

    /// The image's alt text as the container's `alt_text` field, when it has one.
    static func altText(_ file: MediaFile) -> [(String, String)] {
        guard let alt = file.altText, !alt.isEmpty else { return [] }
        return [("alt_text", alt)]
    }

    /// Publishes through a container (resumed from `pending`), then the link as the first comment when asked.
    public func publish(
        _ post: OutgoingPost, credentials: AccountCredentials, pending: PublishReceipt?, onPending: PendingRecorder
    ) async -> PublishOutcome {
        let flow: ContainerFlow
        let forms: ContainerForms
        do {
            flow = try self.flow(credentials)
            forms = try Self.forms(for: post)
        } catch { return error.outcome }
        let outcome = await flow.run(text: post.text, forms: forms, pending: pending, onPending: onPending)
        guard case .published(var receipt) = outcome, let link = post.separateLink, post.linkPlacement == .firstComment else {
            return outcome
        }
        do {
            let answer = try await flow.api.send(
                flow.graph.post("\(receipt.remoteID)/comments", [("message", link)]), mutates: true, classify: flow.classify)
            receipt.extra["first_comment_id"] = JSON(data: answer.body)["id"].string
        } catch { receipt.extra["first_comment_error"] = error.outcome.description }
        return .published(receipt)
    }

    /// The pending container's status, or the account's recent media by caption.
    public func lookUp(_ post: OutgoingPost, pending: PublishReceipt?, credentials: AccountCredentials) async -> LookUpOutcome {
        do {
            let flow = try self.flow(credentials)
            return await flow.lookUp(text: post.text, pending: pending)
        } catch { return .failed(error.outcome) }
    }

    /// `/{media}/insights` with views, reach, likes, comments, shares, saved, total interactions.
    public func fetchMetrics(_ receipt: PublishReceipt, credentials: AccountCredentials) async -> MetricsOutcome {
        do {
            let flow = try self.flow(credentials)
            return await flow.insights(
                of: receipt.remoteID, metrics: "views,reach,likes,comments,shares,saved,total_interactions",
                fetchedAt: environment.clock())
        } catch { return .failed(error.outcome) }
    }

    /// `GET /refresh_access_token?grant_type=ig_refresh_token` (long-lived tokens, 60 days).
    public func refreshCredentials(_ credentials: AccountCredentials) async -> RefreshOutcome {
        let now = environment.clock()
        return await GraphTokenRefresh.longLived(
            base: environment.endpoints.apiBase(.instagram, credentials: credentials) ?? URL(
                string: "https://graph.instagram.com")!,
            grantType: "ig_refresh_token", credentials: credentials, transport: environment.transport, now: now,
            classify: { InstagramResponseClassifier.classify($0, now: now) })
    }
}
