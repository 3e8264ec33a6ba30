import Foundation
import GlocalCore
import Hummingbird

/// Instagram and Threads in the sandbox: containers (images `FINISHED` at once, videos after one status check; at
/// most 400 an Instagram account in 24 hours), publish, listing, insights, comments and token refresh.
struct ContainerRoutes: Sendable {
    let gate: SandboxGate
    /// `status_code` (Instagram) or `status` (Threads).
    let statusField: String
    /// `media` or `threads`.
    let mediaEdge: String
    /// `media_publish` or `threads_publish`.
    let publishEdge: String
    /// `caption` or `text`.
    let textField: String
    /// `ig_refresh_token` or `th_refresh_token`.
    let refreshGrant: String
    /// First id of this network's sequence.
    let idBase: Int
    /// The insight metrics the network serves, each with the engagement counter it reports.
    let metrics: [String: String]

    var state: SandboxState { gate.state }
    var network: String { gate.network }

    static func instagram(_ state: SandboxState) -> ContainerRoutes {
        ContainerRoutes(
            gate: SandboxGate(state: state, dialect: .instagram), statusField: "status_code", mediaEdge: "media",
            publishEdge: "media_publish", textField: "caption", refreshGrant: "ig_refresh_token", idBase: 17_900_000_000_000_000,
            // `impressions` and `plays` were deprecated in v22.0 and, for all versions, on April 21, 2025.
            metrics: [
                "views": "views", "reach": "views", "likes": "likes", "comments": "replies", "shares": "shares",
                "saved": "saves", "total_interactions": "likes",
            ])
    }

    static func threads(_ state: SandboxState) -> ContainerRoutes {
        ContainerRoutes(
            gate: SandboxGate(state: state, dialect: .threads), statusField: "status", mediaEdge: "threads",
            publishEdge: "threads_publish", textField: "text", refreshGrant: "th_refresh_token", idBase: 18_000_000_000_000_000,
            metrics: [
                "views": "views", "likes": "likes", "replies": "replies", "reposts": "reposts", "quotes": "quotes",
                "shares": "shares",
            ])
    }

    private func graphError(_ code: Int, _ message: String) -> Response {
        SandboxDialect.graphError(400, code: code, message: message)
    }

    /// Threads' text limit ("Text posts are limited to 500 characters", emoji counted by their UTF-8 bytes).
    static let threadsTextLimit = 500
    /// Threads' `media_type` values.
    static let threadsMediaTypes: Set<String> = ["TEXT", "IMAGE", "VIDEO", "CAROUSEL"]

    /// Why Threads refuses a container's parameters (`media_type` required and known, `text` for TEXT, `image_url`
    /// for IMAGE, `video_url` for VIDEO, `children` for CAROUSEL, text within the limit), or `nil`.
    static func threadsRefusal(_ form: [String: String]) -> String? {
        guard let type = form["media_type"] else { return "(#100) The parameter media_type is required." }
        guard threadsMediaTypes.contains(type) else {
            return "(#100) Param media_type must be one of {\(threadsMediaTypes.sorted().joined(separator: ", "))}"
        }
        let required = ["TEXT": "text", "IMAGE": "image_url", "VIDEO": "video_url", "CAROUSEL": "children"][type] ?? ""
        if form[required]?.isEmpty ?? true { return "(#100) The parameter \(required) is required for media_type=\(type)." }
        if let text = form["text"], ThreadsLengthCounter.length(text) > threadsTextLimit {
            return "(#100) Param text must be at most \(threadsTextLimit) characters long."
        }
        return nil
    }

    /// Instagram's limit on containers: "400 containers per rolling 24 h" per account (window `instagram/containers`).
    static let instagramContainerLimit = 400
    /// The rolling window of that limit.
    static let instagramContainerWindow: TimeInterval = 86_400

    /// The answer to a container the account may not make yet, or `nil`: Instagram's 400 containers in the rolling
    /// 24 hours before `now` are spent until the oldest of them leaves the window. Meta documents the limit but not the
    /// error it answers; the sandbox answers as for Instagram's other throttling, Graph's documented code 4 with an
    /// `X-Business-Use-Case-Usage` whose `estimated_time_to_regain_access` runs to that instant.
    private func containerLimitRefusal(user: String) async -> Response? {
        guard network == "instagram" else { return nil }
        let now = await state.now()
        let limit = await state.limit(of: "instagram/containers") ?? Self.instagramContainerLimit
        let made = await state.containerTimes(
            network: network, account: user, since: now.addingTimeInterval(-Self.instagramContainerWindow))
        guard made.count >= limit, let oldest = made.first else { return nil }
        return gate.dialect.rateLimited(
            reset: oldest.addingTimeInterval(Self.instagramContainerWindow), now: now, account: user)
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("\(network)/:version/:id/\(mediaEdge)") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let user = SandboxIdentity.numericID(context.parameters.get("id") ?? "", digits: 17)
            if let refusal = await gate.before(call, account: user) { return refusal }
            if let refusal = await containerLimitRefusal(user: user) { return refusal }
            let form = call.form
            if network == "threads", let refusal = Self.threadsRefusal(form) { return graphError(100, refusal) }
            let type = form["media_type"] ?? "IMAGE"
            if network == "instagram", form["image_url"] == nil, form["video_url"] == nil, type != "CAROUSEL" {
                return graphError(100, "(#100) The parameter image_url is required.")
            }
            if network == "instagram", let imageURL = form["image_url"], await state.fetchesMedia,
                !(await SandboxMediaFetch.fetchesImage(at: imageURL))
            {
                return SandboxMediaFetch.notFetched()
            }
            let isVideo = ["VIDEO", "REELS"].contains(type)
            let container = SandboxContainer(
                network: network, account: user, id: String(idBase + 500_000 + (await state.next("\(network)/container"))),
                body: call.bodyText, text: form[textField] ?? "", status: isVideo ? "IN_PROGRESS" : "FINISHED",
                checksUntilFinished: isVideo ? 1 : 0, replyTo: form["reply_to_id"], createdAt: await state.now())
            await state.saveContainer(container)
            return SandboxReply.json(200, ["id": container.id])
        }
        router.post("\(network)/:version/:id/\(publishEdge)") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let user = SandboxIdentity.numericID(context.parameters.get("id") ?? "", digits: 17)
            if let refusal = await gate.before(call, account: user) { return refusal }
            guard let id = call.form["creation_id"], var container = await state.container(id), container.account == user else {
                return graphError(100, "(#100) Invalid creation_id")
            }
            guard container.status == "FINISHED" else {
                return graphError(9007, "Media ID is not available (status \(container.status))")
            }
            let mediaID = String(idBase + (await state.next(network)))
            container.status = "PUBLISHED"
            container.mediaID = mediaID
            await state.saveContainer(container)
            await state.store(
                SandboxPost(
                    network: network, account: user, id: mediaID, kind: container.replyTo == nil ? "post" : "reply",
                    text: container.text,
                    body: container.body, parentID: container.replyTo, key: id, postedAt: await state.now()))
            return await gate.after(account: user, SandboxReply.json(200, ["id": mediaID]))
        }
        router.get("\(network)/:version/:id/\(mediaEdge)") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let user = SandboxIdentity.numericID(context.parameters.get("id") ?? "", digits: 17)
            if let refusal = await gate.before(call, account: user) { return refusal }
            let data = await state.posts(network: network, account: user).prefix(Int(call.query["limit"] ?? "25") ?? 25).map {
                [
                    "id": $0.id, textField: $0.text, "permalink": "https://\(network).sandbox/p/\($0.id)",
                    "timestamp": SandboxDialect.iso($0.postedAt),
                ]
            }
            return SandboxReply.json(200, ["data": Array(data)])
        }
        router.get("\(network)/:version/:id/insights") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            guard let post = await state.post(network: network, id: context.parameters.get("id") ?? "") else {
                return graphError(100, "(#100) Object does not exist")
            }
            if let refusal = await gate.before(call, account: post.account) { return refusal }
            let counts = SandboxEngagement.counters(
                postedAt: post.postedAt, now: await state.now(),
                audience: await state.audience(network: network, account: post.account))
            let requested = (call.query["metric"] ?? "").split(separator: ",").map(String.init)
            if requested.isEmpty { return graphError(100, "(#100) The parameter metric is required") }
            if let index = requested.firstIndex(where: { metrics[$0] == nil }) {
                return graphError(
                    100,
                    "(#100) metric[\(index)] must be one of the following values: "
                        + metrics.keys.sorted().joined(separator: ", "))
            }
            let data = requested.map { metric -> [String: Any] in
                [
                    "name": metric, "period": "lifetime", "values": [["value": counts[metrics[metric] ?? ""] ?? 0]],
                    "id": "\(post.id)/insights/\(metric)/lifetime",
                ]
            }
            return SandboxReply.json(200, ["data": data])
        }
        router.post("\(network)/:version/:id/comments") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let parent = context.parameters.get("id") ?? ""
            let account = await state.post(network: network, id: parent)?.account ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            let id = String(idBase + 900_000 + (await state.next("\(network)/comment")))
            await state.store(
                SandboxPost(
                    network: network, account: account, id: id, kind: "comment", text: call.form["message"] ?? "",
                    body: call.bodyText, parentID: parent, postedAt: await state.now()))
            return SandboxReply.json(200, ["id": id])
        }
        router.get("\(network)/:version/:id") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let id = context.parameters.get("id") ?? ""
            guard let container = await state.checkContainer(id) else { return graphError(100, "(#100) Object does not exist") }
            if let refusal = await gate.before(call, account: container.account) { return refusal }
            return SandboxReply.json(200, ["id": id, statusField: container.status])
        }
        router.get("\(network)/refresh_access_token") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let token = call.query["access_token"] ?? ""
            let account = String(token.split(separator: "~").first ?? "")
            if let refusal = await gate.before(call, account: account, refresh: true) { return refusal }
            guard call.query["grant_type"] == refreshGrant, !token.isEmpty else { return gate.dialect.refreshRefused() }
            let pair = await gate.issueTokens(account: account)
            return SandboxReply.json(200, ["access_token": pair.access, "token_type": "bearer", "expires_in": 5_183_944])
        }
    }
}
