import Foundation
import Hummingbird

/// A Mastodon instance in the sandbox: statuses with `Idempotency-Key` replay, media, account statuses, a status;
/// `X-RateLimit-*` headers (300 statuses per 3 hours, reset as ISO 8601). Accounts have numeric ids: a token `alice~…`
/// stands for `SandboxIdentity.numericID("alice")` (a numeric name is the id itself).
struct MastodonRoutes: Sendable {
    let gate: SandboxGate
    var state: SandboxState { gate.state }

    /// The largest image an instance takes by default (`configuration.media_attachments.image_size_limit`).
    static let imageSizeLimit = 16_777_216
    /// The largest video an instance takes by default (`configuration.media_attachments.video_size_limit`).
    static let videoSizeLimit = 103_809_024
    /// The longest media description (`configuration.media_attachments.description_limit`), in code points as
    /// Mastodon's length validation counts (and `glocal validate`).
    static let descriptionLimit = 1500

    /// The numeric account id of the token's account.
    static func accountID(_ call: SandboxCall) -> String { SandboxIdentity.numericID(call.tokenAccount ?? "", digits: 18) }

    /// How long an `Idempotency-Key` is kept (statuses.md: "stored for up to 1 hour").
    static let idempotencyLifetime: TimeInterval = 3600

    /// The account id of the token, remembering the name it was derived from, so that every `Account` of it (in
    /// `verify_credentials` or inside a `Status`) has the same `username`.
    private func identify(_ call: SandboxCall) async -> String {
        let id = Self.accountID(call)
        if let name = call.tokenAccount { await state.rememberName(name, of: "mastodon/\(id)") }
        return id
    }

    private func status(_ post: SandboxPost) async -> [String: Any] {
        let counts = SandboxEngagement.counters(
            postedAt: post.postedAt, now: await state.now(),
            audience: await state.audience(network: "mastodon", account: post.account))
        var media: [SandboxPost] = []
        for id in MastodonStatusRequest(stored: post.body).mediaIDs {
            if let item = await state.post(network: "mastodon", id: id) { media.append(item) }
        }
        var parentAccount: String?
        if let parent = post.parentID { parentAccount = await state.post(network: "mastodon", id: parent)?.account }
        return MastodonEntities.status(
            post, media: media, counts: counts, name: await state.name(of: "mastodon/\(post.account)"),
            parentAccount: parentAccount)
    }

    /// `POST /api/v1/media` or `/api/v2/media`; v2 processes larger formats (video, gifv, audio) in the background
    /// and answers 202 with `url` null.
    private func upload(_ call: SandboxCall, processesInBackground: Bool) async -> Response {
        let account = await identify(call)
        if let refusal = await gate.before(call, account: account) { return refusal }
        guard let file = call.multipartFile(named: "file") else {
            return SandboxReply.json(422, ["error": "Validation failed: File can't be blank"])
        }
        let description = call.field("description")
        if let description, description.unicodeScalars.count > Self.descriptionLimit {
            return SandboxReply.json(422, ["error": "Validation failed: Description is too long (maximum is 1500 characters)"])
        }
        if file.contentType?.hasPrefix("image/") == true, file.bytes.count > Self.imageSizeLimit {
            return SandboxReply.json(422, ["error": "Validation failed: File file size must be less than 16 MB"])
        }
        if file.contentType?.hasPrefix("video/") == true, file.bytes.count > Self.videoSizeLimit {
            return SandboxReply.json(422, ["error": "Validation failed: File file size must be less than 99 MB"])
        }
        let id = String(120_000_000_000_000_000 + (await state.next("mastodon/media")))
        var media = SandboxPost(
            network: "mastodon", account: account, id: id, kind: "media", text: "",
            body: "\(file.bytes.count) bytes \(file.contentType ?? "")", postedAt: await state.now())
        media.altText = description
        await state.store(media)
        guard processesInBackground, file.contentType?.hasPrefix("image/") != true else {
            return SandboxReply.json(200, MastodonEntities.attachment(media))
        }
        await state.startProcessing("mastodon/\(id)")
        return SandboxReply.json(202, MastodonEntities.attachment(media, processing: true))
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("mastodon/api/v1/statuses") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = await identify(call)
            if let refusal = await gate.before(call, account: account) { return refusal }
            let window = await state.spend(network: "mastodon", account: account, cost: 1, limit: 300, window: 10800)
            let headers = [
                ("X-RateLimit-Limit", "300"), ("X-RateLimit-Remaining", String(window.remaining)),
                ("X-RateLimit-Reset", SandboxDialect.isoMicroseconds(window.reset)),
            ]
            if window.exceeded { return gate.dialect.rateLimited(reset: window.reset, now: await state.now(), account: account) }
            let key = call.headers["idempotency-key"]
            // "Idempotency keys are stored for up to 1 hour": an older key posts anew.
            if let key, let existing = await state.post(network: "mastodon", account: account, key: key),
                await state.now().timeIntervalSince(existing.postedAt) < Self.idempotencyLifetime
            {
                return SandboxReply.json(200, await status(existing), headers: headers)
            }
            let parameters = MastodonStatusRequest(call)
            var own: Set<String> = []
            for media in parameters.mediaIDs where await state.post(network: "mastodon", id: media)?.account == account {
                own.insert(media)
            }
            if let refusal = parameters.refusal(ownMedia: own.contains) { return SandboxReply.json(422, ["error": refusal]) }
            // media.md: check with GET /api/v1/media/:id that the media finished processing before attaching it.
            for media in parameters.mediaIDs where await state.isProcessing("mastodon/\(media)") {
                return SandboxReply.json(
                    422, ["error": "Cannot attach files that have not finished processing. Try again in a moment!"])
            }
            let text = parameters.status
            let parent = parameters.inReplyToID
            let post = SandboxPost(
                network: "mastodon", account: account, id: String(110_000_000_000_000_000 + (await state.next("mastodon"))),
                kind: parent == nil ? "post" : "reply", text: text,
                body: call.isMultipart ? SandboxCall.formEncoded(call.bodyPairs) : call.bodyText, parentID: parent, key: key,
                postedAt: await state.now())
            await state.store(post)
            return await gate.after(account: account, SandboxReply.json(200, await status(post), headers: headers))
        }
        // v1 is deprecated but documented: equal to v2 except that it answers once the media is processed (200, url set).
        router.post("mastodon/api/v1/media") { request, _ -> Response in
            try await upload(SandboxCall.read(request), processesInBackground: false)
        }
        router.post("mastodon/api/v2/media") { request, _ -> Response in
            try await upload(SandboxCall.read(request), processesInBackground: true)
        }
        router.get("mastodon/api/v1/media/:id") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let account = await identify(call)
            if let refusal = await gate.before(call, account: account) { return refusal }
            let id = context.parameters.get("id") ?? ""
            guard let media = await state.post(network: "mastodon", id: id), media.kind == "media", media.account == account
            else { return SandboxReply.json(404, ["error": "Record not found"]) }
            let processing = await state.checkProcessing("mastodon/\(id)")
            return SandboxReply.json(processing ? 206 : 200, MastodonEntities.attachment(media, processing: processing))
        }
        router.get("mastodon/api/v1/accounts/verify_credentials") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = await identify(call)
            if let refusal = await gate.before(call, account: account) { return refusal }
            return SandboxReply.json(200, MastodonEntities.account(account, name: call.tokenAccount))
        }
        router.get("mastodon/api/v1/accounts/:id/statuses") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let account = context.parameters.get("id") ?? ""
            guard SandboxIdentity.isNumeric(account, digits: 18) else {
                return SandboxReply.json(404, ["error": "Record not found"])
            }
            if let refusal = await gate.before(call, account: account) { return refusal }
            var statuses: [[String: Any]] = []
            for post in await state.posts(network: "mastodon", account: account).prefix(Int(call.query["limit"] ?? "20") ?? 20) {
                statuses.append(await status(post))
            }
            return SandboxReply.json(200, statuses)
        }
        router.delete("mastodon/api/v1/statuses/:id") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let account = await identify(call)
            if let refusal = await gate.before(call, account: account) { return refusal }
            // "Delete one of your own statuses": another's is not found, as for anyone who may not delete it.
            guard let post = await state.post(network: "mastodon", id: context.parameters.get("id") ?? ""),
                post.kind != "media", post.account == account
            else { return SandboxReply.json(404, ["error": "Record not found"]) }
            var deleted = await status(post)
            deleted["text"] = post.text
            await state.remove(network: "mastodon", id: post.id)
            return SandboxReply.json(200, deleted)
        }
        router.get("mastodon/api/v1/statuses/:id") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let account = await identify(call)
            // Public and unlisted statuses need no token; another one is "not found" to whoever may not see it.
            if call.bearer != nil, let refusal = await gate.before(call, account: account) { return refusal }
            guard let post = await state.post(network: "mastodon", id: context.parameters.get("id") ?? ""),
                post.kind != "media",
                ["public", "unlisted"].contains(MastodonStatusRequest(stored: post.body).visibility ?? "public")
                    || (call.bearer != nil && post.account == account)
            else {
                return SandboxReply.json(404, ["error": "Record not found"])
            }
            return SandboxReply.json(200, await status(post))
        }
    }
}
