import Foundation
import Hummingbird

/// Facebook Pages in the sandbox: page feed (error 506 on a repeated message, `attached_media` of unpublished photos),
/// comments, feed listing, reactions, `fb_exchange_token`. Photos and videos: ``FacebookMediaRoutes``.
struct FacebookRoutes: Sendable {
    let gate: SandboxGate
    var state: SandboxState { gate.state }

    func register(on router: Router<BasicRequestContext>) {
        router.post("facebook/:version/:id/feed") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let page = SandboxIdentity.numericID(context.parameters.get("id") ?? "", digits: 15)
            if let refusal = await gate.before(call, account: page) { return refusal }
            let message = call.form["message"] ?? ""
            var attached: [String] = []
            while let value = call.form["attached_media[\(attached.count)]"] {
                let object = (try? JSONSerialization.jsonObject(with: Data(value.utf8))) as? [String: Any]
                guard let photo = object?["media_fbid"] as? String,
                    let stored = await state.post(network: "facebook", id: photo), stored.account == page,
                    stored.kind == "media", stored.key == "unpublished"
                else {
                    return FacebookMediaRoutes.graphError(
                        100, "param attached_media[\(attached.count)] must be an unpublished photo of this page")
                }
                attached.append(photo)
            }
            guard !message.isEmpty || !attached.isEmpty else {
                return FacebookMediaRoutes.graphError(100, "message or link is required")
            }
            if let refusal = await FacebookMediaRoutes.duplicate(state, page: page, message: message) { return refusal }
            let id = await FacebookMediaRoutes.storePost(state, page: page, message: message, body: call.bodyText, key: nil)
            return await gate.after(account: page, SandboxReply.json(200, ["id": id]))
        }
        router.post("facebook/:version/:id/comments") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let parent = context.parameters.get("id") ?? ""
            let account = String(parent.split(separator: "_").first ?? "")
            if let refusal = await gate.before(call, account: account) { return refusal }
            let id = "\(parent.split(separator: "_").last ?? "")_\(300_000_000_000 + (await state.next("facebook/comment")))"
            await state.store(
                SandboxPost(
                    network: "facebook", account: account, id: id, kind: "comment", text: call.form["message"] ?? "",
                    body: call.bodyText, parentID: parent, postedAt: await state.now()))
            return SandboxReply.json(200, ["id": id])
        }
        router.get("facebook/:version/:id/feed") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let page = SandboxIdentity.numericID(context.parameters.get("id") ?? "", digits: 15)
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
                return SandboxDialect.graphError(
                    400, code: 100, message: "Unsupported get request.", type: "GraphMethodException")
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
