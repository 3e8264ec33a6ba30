import Foundation
import Hummingbird

/// X API v2 in the sandbox: tweets (403 on a repeated text), media upload, user timeline, metrics, OAuth 2 refresh.
struct XRoutes: Sendable {
    let gate: SandboxGate
    var state: SandboxState { gate.state }

    private func rateHeaders(_ account: String, cost: Int) async -> (headers: [(String, String)], exceeded: Bool) {
        let window = await state.spend(network: "x", account: account, cost: cost, limit: 100, window: 900)
        return (
            [
                ("x-rate-limit-limit", "100"), ("x-rate-limit-remaining", String(window.remaining)),
                ("x-rate-limit-reset", String(Int(window.reset.timeIntervalSince1970))),
            ], window.exceeded
        )
    }

    private func tweet(_ post: SandboxPost, metrics: Bool) async -> [String: Any] {
        var tweet: [String: Any] = [
            "id": post.id, "text": post.text, "created_at": SandboxDialect.iso(post.postedAt),
            "edit_history_tweet_ids": [post.id],
        ]
        if metrics {
            let now = await state.now()
            let counts = SandboxEngagement.counters(
                postedAt: post.postedAt, now: now, audience: await state.audience(network: "x", account: post.account))
            tweet["public_metrics"] = [
                "retweet_count": counts["reposts"]!, "reply_count": counts["replies"]!, "like_count": counts["likes"]!,
                "quote_count": counts["quotes"]!, "impression_count": counts["views"]!, "bookmark_count": counts["saves"]!,
            ]
        }
        return tweet
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("x/2/tweets") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = call.tokenAccount ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            let limit = await rateHeaders(account, cost: 1)
            if limit.exceeded {
                return gate.dialect.rateLimited(
                    reset: await state.now().addingTimeInterval(900), now: await state.now(), account: account)
            }
            let json = call.json
            guard let text = json["text"] as? String, !text.isEmpty else {
                return SandboxReply.json(400, ["title": "Invalid Request", "detail": "text is required", "status": 400])
            }
            let parent = (json["reply"] as? [String: Any])?["in_reply_to_tweet_id"] as? String
            if parent == nil, await state.post(network: "x", account: account, text: text) != nil {
                return SandboxReply.json(
                    403,
                    [
                        "detail": "You are not allowed to create a Tweet with duplicate content.", "type": "about:blank",
                        "title": "Forbidden", "status": 403,
                    ],
                    headers: limit.headers)
            }
            let id = String(1_800_000_000_000_000_000 + (await state.next("x")))
            let post = SandboxPost(
                network: "x", account: account, id: id, kind: parent == nil ? "post" : "reply", text: text, body: call.bodyText,
                parentID: parent, postedAt: await state.now())
            await state.store(post)
            return await gate.after(
                account: account,
                SandboxReply.json(
                    201, ["data": ["id": id, "text": text, "edit_history_tweet_ids": [id]]], headers: limit.headers))
        }
        router.post("x/2/media/upload") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = call.tokenAccount ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            guard let file = call.multipartFile(named: "media") else {
                return SandboxReply.json(400, ["title": "Invalid Request", "detail": "media is required", "status": 400])
            }
            let id = String(1_700_000_000_000_000_000 + (await state.next("x/media")))
            await state.store(
                SandboxPost(
                    network: "x", account: account, id: id, kind: "media", text: "", body: "\(file.bytes.count) bytes",
                    postedAt: await state.now()))
            return SandboxReply.json(200, ["data": ["id": id, "media_key": "3_\(id)", "expires_after_secs": 86400]])
        }
        router.get("x/2/users/:id/tweets") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let account = context.parameters.get("id") ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            var data: [[String: Any]] = []
            for post in await state.posts(network: "x", account: account).prefix(Int(call.query["max_results"] ?? "10") ?? 10) {
                data.append(await tweet(post, metrics: false))
            }
            return SandboxReply.json(200, ["data": data, "meta": ["result_count": data.count]])
        }
        router.get("x/2/tweets") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = call.tokenAccount ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            var data: [[String: Any]] = []
            for id in (call.query["ids"] ?? "").split(separator: ",") {
                if let post = await state.post(network: "x", id: String(id)) { data.append(await tweet(post, metrics: true)) }
            }
            return SandboxReply.json(200, ["data": data])
        }
        router.post("x/2/oauth2/token") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let token = call.form["refresh_token"] ?? ""
            let account = String(token.split(separator: "~").first ?? "")
            if let refusal = await gate.before(call, account: account, refresh: true) { return refusal }
            guard call.form["grant_type"] == "refresh_token", !token.isEmpty else { return gate.dialect.refreshRefused() }
            let pair = await gate.issueTokens(account: account)
            return SandboxReply.json(
                200,
                [
                    "token_type": "bearer", "expires_in": 7200, "access_token": pair.access, "refresh_token": pair.refresh,
                    "scope": "tweet.read tweet.write users.read offline.access",
                ])
        }
    }
}
