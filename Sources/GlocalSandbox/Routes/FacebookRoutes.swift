import Foundation
import Hummingbird

/// Facebook Pages in the sandbox: page feed (error 506 on a repeated message), comments, feed listing, reactions,
/// `fb_exchange_token`.
struct FacebookRoutes: Sendable {
    let gate: SandboxGate
    var state: SandboxState { gate.state }

    func register(on router: Router<BasicRequestContext>) {
        router.post("facebook/:version/:id/feed") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let page = context.parameters.get("id") ?? ""
            if let refusal = await gate.before(call, account: page) { return refusal }
            guard let message = call.form["message"], !message.isEmpty else {
                return SandboxReply.json(
                    400, ["error": ["message": "(#100) message or link is required", "type": "OAuthException", "code": 100]])
            }
            if await state.post(network: "facebook", account: page, text: message) != nil {
                return SandboxReply.json(
                    400,
                    [
                        "error": [
                            "message": "(#506) Duplicate status message", "type": "OAuthException", "code": 506,
                            "fbtrace_id": "sandbox",
                        ]
                    ])
            }
            let id = "\(page)_\(100_000_000_000 + (await state.next("facebook")))"
            await state.store(
                SandboxPost(
                    network: "facebook", account: page, id: id, kind: "post", text: message, body: call.bodyText,
                    postedAt: await state.now()))
            return await gate.after(account: page, SandboxReply.json(200, ["id": id]))
        }
        router.post("facebook/:version/:id/comments") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let parent = context.parameters.get("id") ?? ""
            let account = String(parent.split(separator: "_").first ?? "")
            if let refusal = await gate.before(call, account: account) { return refusal }
            let id = "\(parent)_c\(await state.next("facebook/comment"))"
            await state.store(
                SandboxPost(
                    network: "facebook", account: account, id: id, kind: "comment", text: call.form["message"] ?? "",
                    body: call.bodyText, parentID: parent, postedAt: await state.now()))
            return SandboxReply.json(200, ["id": id])
        }
        router.get("facebook/:version/:id/feed") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let page = context.parameters.get("id") ?? ""
            if let refusal = await gate.before(call, account: page) { return refusal }
            let data = await state.posts(network: "facebook", account: page).prefix(Int(call.query["limit"] ?? "25") ?? 25).map {
                [
                    "id": $0.id, "message": $0.text, "permalink_url": "https://www.facebook.com/\($0.id)",
                    "created_time": SandboxDialect.iso($0.postedAt),
                ]
            }
            return SandboxReply.json(200, ["data": Array(data)])
        }
        router.get("facebook/:version/oauth/access_token") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let token = call.query["fb_exchange_token"] ?? ""
            let account = String(token.split(separator: "~").first ?? "")
            if let refusal = await gate.before(call, account: account, refresh: true) { return refusal }
            guard call.query["grant_type"] == "fb_exchange_token", !token.isEmpty else { return gate.dialect.refreshRefused() }
            let pair = await gate.issueTokens(account: account)
            return SandboxReply.json(200, ["access_token": pair.access, "token_type": "bearer", "expires_in": 5_183_944])
        }
        router.get("facebook/:version/:id") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let id = context.parameters.get("id") ?? ""
            let account = String(id.split(separator: "_").first ?? "")
            if let refusal = await gate.before(call, account: account) { return refusal }
            guard let post = await state.post(network: "facebook", id: id) else {
                return SandboxReply.json(
                    400, ["error": ["message": "Unsupported get request.", "type": "GraphMethodException", "code": 100]])
            }
            let counts = SandboxEngagement.counters(
                postedAt: post.postedAt, now: await state.now(),
                audience: await state.audience(network: "facebook", account: post.account))
            return SandboxReply.json(
                200,
                [
                    "id": id, "reactions": ["data": [], "summary": ["total_count": counts["likes"]!]],
                    "comments": ["data": [], "summary": ["total_count": counts["replies"]!]],
                    "shares": ["count": counts["shares"]!],
                ])
        }
    }
}
