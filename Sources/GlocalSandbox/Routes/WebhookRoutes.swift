import Foundation
import Hummingbird

/// A webhook receiver in the sandbox: `POST /webhook/posts` (409 on a repeated `Idempotency-Key`), look-up by key,
/// metrics.
struct WebhookRoutes: Sendable {
    let gate: SandboxGate
    var state: SandboxState { gate.state }

    private func answer(_ post: SandboxPost) -> [String: Any] {
        ["id": post.id, "url": "https://webhook.sandbox/posts/\(post.id)"]
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("webhook/posts") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let json = call.json
            let account = json["account_id"] as? String ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            let key = call.headers["idempotency-key"] ?? ""
            guard !key.isEmpty, let text = json["text"] as? String else {
                return SandboxReply.json(422, ["error": "Idempotency-Key and text are required"])
            }
            if let existing = await state.post(network: "webhook", account: account, key: key) {
                return SandboxReply.json(409, answer(existing).merging(["error": "duplicate"]) { $1 })
            }
            let post = SandboxPost(
                network: "webhook", account: account, id: "wh-\(await state.next("webhook"))", kind: "post", text: text,
                body: call.bodyText,
                key: key, postedAt: await state.now())
            await state.store(post)
            return await gate.after(account: account, SandboxReply.json(201, answer(post)))
        }
        router.get("webhook/posts") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let key = call.query["idempotency_key"] ?? ""
            guard let post = await state.storedPosts(network: "webhook").first(where: { $0.key == key }) else {
                return SandboxReply.json(404, ["error": "not found"])
            }
            if let refusal = await gate.before(call, account: post.account) { return refusal }
            return SandboxReply.json(200, answer(post))
        }
        router.get("webhook/posts/:id/metrics") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            guard let post = await state.post(network: "webhook", id: context.parameters.get("id") ?? "") else {
                return SandboxReply.json(404, ["error": "not found"])
            }
            if let refusal = await gate.before(call, account: post.account) { return refusal }
            return SandboxReply.json(
                200,
                SandboxEngagement.counters(
                    postedAt: post.postedAt, now: await state.now(),
                    audience: await state.audience(network: "webhook", account: post.account)))
        }
    }
}
