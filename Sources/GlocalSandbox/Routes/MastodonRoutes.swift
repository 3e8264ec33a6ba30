import Foundation
import Hummingbird

/// A Mastodon instance in the sandbox: statuses with `Idempotency-Key` replay, media, account statuses, a status;
/// `X-RateLimit-*` headers (300 statuses per 3 hours, reset as ISO 8601).
struct MastodonRoutes: Sendable {
    let gate: SandboxGate
    var state: SandboxState { gate.state }

    private func status(_ post: SandboxPost) async -> [String: Any] {
        let counts = SandboxEngagement.counters(
            postedAt: post.postedAt, now: await state.now(),
            audience: await state.audience(network: "mastodon", account: post.account))
        let escaped = post.text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        return [
            "id": post.id, "created_at": SandboxDialect.iso(post.postedAt), "content": "<p>\(escaped)</p>",
            "url": "https://mastodon.sandbox/@\(post.account)/\(post.id)",
            "uri": "https://mastodon.sandbox/users/\(post.account)/statuses/\(post.id)",
            "visibility": "public", "in_reply_to_id": post.parentID ?? NSNull(), "favourites_count": counts["likes"]!,
            "reblogs_count": counts["reposts"]!, "replies_count": counts["replies"]!,
        ]
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("mastodon/api/v1/statuses") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = call.tokenAccount ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            let window = await state.spend(network: "mastodon", account: account, cost: 1, limit: 300, window: 10800)
            let headers = [
                ("X-RateLimit-Limit", "300"), ("X-RateLimit-Remaining", String(window.remaining)),
                ("X-RateLimit-Reset", SandboxDialect.iso(window.reset)),
            ]
            if window.exceeded { return gate.dialect.rateLimited(reset: window.reset, now: await state.now(), account: account) }
            let key = call.headers["idempotency-key"]
            if let key, let existing = await state.post(network: "mastodon", account: account, key: key) {
                return SandboxReply.json(200, await status(existing), headers: headers)
            }
            let json = call.json
            guard let text = json["status"] as? String, !text.isEmpty, text.count <= 500 else {
                return SandboxReply.json(422, ["error": "Validation failed: Text can't be blank or is over 500 characters"])
            }
            let parent = json["in_reply_to_id"] as? String
            let post = SandboxPost(
                network: "mastodon", account: account, id: String(110_000_000_000_000_000 + (await state.next("mastodon"))),
                kind: parent == nil ? "post" : "reply", text: text, body: call.bodyText, parentID: parent, key: key,
                postedAt: await state.now())
            await state.store(post)
            return await gate.after(account: account, SandboxReply.json(200, await status(post), headers: headers))
        }
        router.post("mastodon/api/v2/media") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = call.tokenAccount ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            guard let file = call.multipartFile(named: "file") else {
                return SandboxReply.json(422, ["error": "Validation failed: File can't be blank"])
            }
            let id = String(120_000_000_000_000_000 + (await state.next("mastodon/media")))
            await state.store(
                SandboxPost(
                    network: "mastodon", account: account, id: id, kind: "media", text: "", body: "\(file.bytes.count) bytes",
                    postedAt: await state.now()))
            return SandboxReply.json(200, ["id": id, "type": "image", "url": "https://mastodon.sandbox/media/\(id)"])
        }
        router.get("mastodon/api/v1/accounts/:id/statuses") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let account = context.parameters.get("id") ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            var statuses: [[String: Any]] = []
            for post in await state.posts(network: "mastodon", account: account).prefix(Int(call.query["limit"] ?? "20") ?? 20) {
                statuses.append(await status(post))
            }
            return SandboxReply.json(200, statuses)
        }
        router.get("mastodon/api/v1/statuses/:id") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let account = call.tokenAccount ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            guard let post = await state.post(network: "mastodon", id: context.parameters.get("id") ?? "") else {
                return SandboxReply.json(404, ["error": "Record not found"])
            }
            return SandboxReply.json(200, await status(post))
        }
    }
}
