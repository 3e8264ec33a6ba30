import Foundation
import GlocalCore

/// Threads: container (`media_type=TEXT|IMAGE|VIDEO`) → `status` → `threads_publish`; the link as a reply.
public struct ThreadsClient: NetworkClient {
    /// Always `.threads`.
    public let network = Network.threads
    let environment: ClientEnvironment
    /// The Threads API version path (`v1.0`).
    public let apiVersion: String
    /// Time between container status polls.
    public let pollInterval: Duration

    /// Creates a client speaking `apiVersion`, by default the environment's (glocal.yaml's pin or
    /// ``APIVersionTable``'s default).
    public init(environment: ClientEnvironment, apiVersion: String? = nil, pollInterval: Duration = .seconds(2)) {
        self.environment = environment
        self.apiVersion = apiVersion ?? environment.apiVersions.effective(.threads).name ?? "v1.0"
        self.pollInterval = pollInterval
    }

    private func flow(_ credentials: AccountCredentials) throws(NetworkFailure) -> ContainerFlow {
        guard let user = credentials.remoteUserID else { throw NetworkFailure(.permanent("the Threads user id is not known")) }
        let base = environment.endpoints.apiBase(.threads, credentials: credentials) ?? URL(string: "https://graph.threads.net")!
        let now = environment.clock()
        return ContainerFlow(
            style: .threads, graph: GraphRequests(base: base, version: apiVersion, token: credentials.accessToken),
            api: APICaller(transport: environment.transport, secrets: credentials.secrets), userID: user,
            classify: { ThreadsResponseClassifier.classify($0, now: now) }, pollInterval: pollInterval, maxPolls: 30)
    }

    static func forms(for post: OutgoingPost, replyTo: String? = nil) throws(NetworkFailure) -> ContainerForms {
        var items: [[(String, String)]] = []
        for file in post.media {
            guard let url = file.publicURL?.absoluteString else {
                throw NetworkFailure(.invalidContent("Threads needs a public URL for \(file.path)"))
            }
            items.append(
                file.isVideo
                    ? [("media_type", "VIDEO"), ("video_url", url)]
                    : [("media_type", "IMAGE"), ("image_url", url)] + InstagramClient.altText(file))
        }
        let reply = replyTo.map { [("reply_to_id", $0)] } ?? []
        switch items.count {
        case 0: return ContainerForms(children: [], main: [("media_type", "TEXT"), ("text", post.text)] + reply)
        case 1: return ContainerForms(children: [], main: items[0] + [("text", post.text)] + reply)
        default:
            return ContainerForms(
                children: items.map { $0 + [("is_carousel_item", "true")] },
                main: [("media_type", "CAROUSEL"), ("text", post.text)] + reply)
        }
    }

    /// Publishes through a container (resumed from `pending`), then the link as a reply when asked.
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
        guard case .published(var receipt) = outcome, let link = post.separateLink, post.linkPlacement == .reply else {
            return outcome
        }
        var replyPost = post
        replyPost.text = link
        replyPost.media = []
        do {
            let replyForms = try Self.forms(for: replyPost, replyTo: receipt.remoteID)
            switch await flow.run(text: link, forms: replyForms, pending: nil, onPending: { _ in }) {
            case .published(let reply): receipt.extra["reply_id"] = reply.remoteID
            case let other: receipt.extra["reply_error"] = other.description
            }
        } catch { receipt.extra["reply_error"] = error.outcome.description }
        return .published(receipt)
    }

    /// The pending container's status, or the account's recent threads by text.
    public func lookUp(_ post: OutgoingPost, pending: PublishReceipt?, credentials: AccountCredentials) async -> LookUpOutcome {
        do {
            let flow = try self.flow(credentials)
            return await flow.lookUp(text: post.text, pending: pending)
        } catch { return .failed(error.outcome) }
    }

    /// `/{media}/insights` with views, likes, replies, reposts, quotes, shares.
    public func fetchMetrics(_ receipt: PublishReceipt, credentials: AccountCredentials) async -> MetricsOutcome {
        do {
            let flow = try self.flow(credentials)
            return await flow.insights(
                of: receipt.remoteID, metrics: "views,likes,replies,reposts,quotes,shares", fetchedAt: environment.clock())
        } catch { return .failed(error.outcome) }
    }

    /// `GET /refresh_access_token?grant_type=th_refresh_token` (long-lived tokens, 60 days).
    public func refreshCredentials(_ credentials: AccountCredentials) async -> RefreshOutcome {
        let now = environment.clock()
        return await GraphTokenRefresh.longLived(
            base: environment.endpoints.apiBase(.threads, credentials: credentials) ?? URL(string: "https://graph.threads.net")!,
            grantType: "th_refresh_token", credentials: credentials, transport: environment.transport, now: now,
            classify: { ThreadsResponseClassifier.classify($0, now: now) })
    }
}
