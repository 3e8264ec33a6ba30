import Foundation
import GlocalCore
import HTTPTypes
import Hummingbird

/// X API v2 in the sandbox: tweets (403 on a repeated text), the one-shot media upload (images; videos and GIFs go
/// through ``XMediaRoutes``) and alt text, the user (`/2/users/me`),
/// the user timeline by numeric user id, metrics; the token endpoint is ``XTokenRoutes``. A token
/// `alice~…` stands for the user whose id is `SandboxIdentity.numericID("alice")` (a numeric name is the id itself).
struct XRoutes: Sendable {
    let gate: SandboxGate
    var state: SandboxState { gate.state }

    /// The numeric user id of the token's account.
    static func userID(_ call: SandboxCall) -> String { SandboxIdentity.numericID(call.tokenAccount ?? "", digits: 19) }

    /// Where X's problem types live: `https://api.x.com/2/problems/` in the docs' examples and in `openapi.json`
    /// v2.167, whose `Problem` discriminator knows no other (xdk v2.159's `Problem` takes any `type`).
    static let problems = "https://api.x.com/2/problems/"

    /// X's 400 for an invalid parameter (`application/problem+json`, type `…/invalid-request`).
    static func invalidRequest(parameter: String, value: String, message: String) -> Response {
        SandboxReply.json(
            400,
            [
                "errors": [["parameters": [parameter: [value]], "message": message]],
                "title": "Invalid Request", "detail": "One or more parameters to your request was invalid.",
                "type": "\(Self.problems)invalid-request",
            ], contentType: "application/problem+json")
    }

    private func rateHeaders(_ account: String, cost: Int) async -> (headers: [(String, String)], reset: Date, exceeded: Bool) {
        let window = await state.spend(network: "x", account: account, cost: cost, limit: 100, window: 900)
        return (
            [
                ("x-rate-limit-limit", "100"), ("x-rate-limit-remaining", String(window.remaining)),
                ("x-rate-limit-reset", String(Int(window.reset.timeIntervalSince1970))),
            ], window.reset, window.exceeded
        )
    }

    /// `response` with the rate-limit `headers` of the call's window added.
    static func carrying(_ headers: [(String, String)], _ response: Response) -> Response {
        var response = response
        for (name, value) in headers { if let name = HTTPField.Name(name) { response.headers[name] = value } }
        return response
    }

    /// `TweetCreateRequest.media.media_ids` `maxItems`.
    static let maxMediaIDs = 4

    /// X's 400 for a create request it refuses (text and media), or `nil`. `text` is optional when media are
    /// attached (the request schema requires nothing); a text counts as twitter-text counts it, at most 280.
    static func createRefusal(text: String?, mediaIDs: [String]) -> Response? {
        if mediaIDs.count > maxMediaIDs {
            return invalidRequest(
                parameter: "media.media_ids", value: mediaIDs.joined(separator: ","),
                message: "[media.media_ids]: size must be between 1 and \(maxMediaIDs)")
        }
        guard let text, !text.isEmpty else {
            return mediaIDs.isEmpty
                ? invalidRequest(parameter: "text", value: "", message: "text or media is required") : nil
        }
        guard XWeightedLengthCounter.parse(text).isValid else {
            return invalidRequest(parameter: "text", value: text, message: "The text of your post is too long or invalid.")
        }
        return nil
    }

    private func tweet(_ post: SandboxPost, metrics: Bool) async -> [String: Any] {
        var tweet: [String: Any] = [
            "id": post.id, "text": post.text, "created_at": SandboxDialect.iso(post.postedAt),
            "edit_history_tweet_ids": [post.id], "edit_history_post_ids": [post.id], "author_id": post.account,
        ]
        if metrics {
            let now = await state.now()
            let counts = SandboxEngagement.counters(
                postedAt: post.postedAt, now: now, audience: await state.audience(network: "x", account: post.account))
            tweet["public_metrics"] = [
                // `repost_count` is the newer OpenAPI's required name for `retweet_count`: both are sent.
                "retweet_count": counts["reposts"]!, "repost_count": counts["reposts"]!, "reply_count": counts["replies"]!,
                "like_count": counts["likes"]!,
                "quote_count": counts["quotes"]!, "impression_count": counts["views"]!, "bookmark_count": counts["saves"]!,
            ]
        }
        return tweet
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("x/2/tweets") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = Self.userID(call)
            if let refusal = await gate.before(call, account: account) { return refusal }
            let limit = await rateHeaders(account, cost: 1)
            if limit.exceeded {
                return gate.dialect.rateLimited(reset: limit.reset, now: await state.now(), account: account)
            }
            let json = call.json
            // "Every response includes rate limit information": a refused create too.
            if let problem = XTweetRequestCheck.problem(json) {
                return Self.carrying(
                    limit.headers,
                    Self.invalidRequest(parameter: problem.parameter, value: problem.value, message: problem.message))
            }
            let mediaIDs = (json["media"] as? [String: Any])?["media_ids"] as? [String] ?? []
            if let refusal = Self.createRefusal(text: json["text"] as? String, mediaIDs: mediaIDs) {
                return Self.carrying(limit.headers, refusal)
            }
            let text = json["text"] as? String ?? ""
            for media in mediaIDs where await state.post(network: "x", id: media)?.account != account {
                return Self.carrying(
                    limit.headers,
                    Self.invalidRequest(parameter: "media.media_ids", value: media, message: "Your media IDs are invalid."))
            }
            for media in mediaIDs where await state.xMediaUpload(media).map({ !$0.isReady }) ?? false {
                return Self.carrying(
                    limit.headers,
                    Self.invalidRequest(
                        parameter: "media.media_ids", value: media,
                        message: "The media \(media) cannot be attached: its processing has not succeeded."))
            }
            let parent = (json["reply"] as? [String: Any])?["in_reply_to_tweet_id"] as? String
            if parent == nil, !text.isEmpty, await state.post(network: "x", account: account, text: text) != nil {
                return SandboxReply.json(
                    403,
                    [
                        "detail": "You are not allowed to create a Tweet with duplicate content.", "type": "about:blank",
                        "title": "Forbidden", "status": 403,
                    ],
                    headers: limit.headers, contentType: "application/problem+json")
            }
            let id = String(1_800_000_000_000_000_000 + (await state.next("x")))
            let post = SandboxPost(
                network: "x", account: account, id: id, kind: parent == nil ? "post" : "reply", text: text, body: call.bodyText,
                parentID: parent, postedAt: await state.now())
            await state.store(post)
            return await gate.after(
                account: account,
                SandboxReply.json(
                    201,
                    // `edit_history_post_ids` is the newer OpenAPI's name for `edit_history_tweet_ids`: both are sent.
                    ["data": ["id": id, "text": text, "edit_history_tweet_ids": [id], "edit_history_post_ids": [id]]],
                    headers: limit.headers))
        }
        router.delete("x/2/tweets/:id") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let account = Self.userID(call)
            let id = context.parameters.get("id") ?? ""
            guard SandboxIdentity.isNumeric(id) else {
                return Self.invalidRequest(
                    parameter: "id", value: id, message: "The `id` query parameter value [\(id)] does not match ^[0-9]{1,19}$")
            }
            if let refusal = await gate.before(call, account: account) { return refusal }
            guard let post = await state.post(network: "x", id: id), post.kind != "media" else {
                return SandboxReply.json(
                    404,
                    [
                        "title": "Not Found Error", "detail": "Could not find tweet with id: [\(id)].",
                        "type":
                            "\(Self.problems)resource-not-found", "resource_type": "tweet", "parameter": "id",
                        "resource_id": id, "value": id,
                    ], contentType: "application/problem+json")
            }
            guard post.account == account else {
                return SandboxReply.json(
                    403,
                    [
                        "title": "Forbidden", "detail": "You are not allowed to delete this Tweet.", "type": "about:blank",
                        "status": 403,
                    ], contentType: "application/problem+json")
            }
            await state.remove(network: "x", id: id)
            return SandboxReply.json(200, ["data": ["deleted": true]])
        }
        router.post("x/2/media/upload") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = Self.userID(call)
            if let refusal = await gate.before(call, account: account) { return refusal }
            // The documented bodies: multipart (raw bytes) or JSON (base64), each with a `media_category`.
            let json = call.json
            let bytes =
                call.multipartFile(named: "media")?.bytes ?? (json["media"] as? String).flatMap { Data(base64Encoded: $0) }
            guard let bytes, !bytes.isEmpty else {
                return Self.invalidRequest(parameter: "media", value: "", message: "media is required")
            }
            let category = call.isMultipart ? call.field("media_category") : json["media_category"] as? String
            let fields = call.isMultipart ? call.multipartParts.map(\.name) : Array(json.keys)
            let mediaType = call.isMultipart ? call.field("media_type") : json["media_type"] as? String
            if let refusal = XMediaRoutes.oneShotRefusal(fields: fields, category: category, mediaType: mediaType) {
                return refusal
            }
            let file = (bytes: bytes, category: category ?? "")
            let id = String(1_700_000_000_000_000_000 + (await state.next("x/media")))
            await state.store(
                SandboxPost(
                    network: "x", account: account, id: id, kind: "media", text: "",
                    body: "\(file.bytes.count) bytes \(file.category)",
                    postedAt: await state.now()))
            return SandboxReply.json(
                200, ["data": ["id": id, "media_key": "3_\(id)", "expires_after_secs": 86400, "size": file.bytes.count]])
        }
        router.post("x/2/media/metadata") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = Self.userID(call)
            if let refusal = await gate.before(call, account: account) { return refusal }
            let json = call.json
            let id = json["id"] as? String ?? ""
            guard SandboxIdentity.isNumeric(id), await state.post(network: "x", id: id)?.account == account else {
                return Self.invalidRequest(parameter: "id", value: id, message: "The media id \(id) is not a media of this user")
            }
            let metadata = json["metadata"] as? [String: Any] ?? [:]
            guard let alt = (metadata["alt_text"] as? [String: Any])?["text"] as? String, alt.unicodeScalars.count <= 1000 else {
                return Self.invalidRequest(
                    parameter: "metadata.alt_text.text", value: "", message: "alt_text.text is required, at most 1000 characters")
            }
            await state.describe(network: "x", id: id, altText: alt)
            return SandboxReply.json(200, ["data": ["id": id, "associated_metadata": ["alt_text": ["text": alt]]]])
        }
        router.get("x/2/users/me") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = Self.userID(call)
            if let refusal = await gate.before(call, account: account) { return refusal }
            let name = call.tokenAccount ?? ""
            return SandboxReply.json(200, ["data": ["id": account, "name": name, "username": Self.username(name)]])
        }
        router.get("x/2/users/:id/tweets") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let account = context.parameters.get("id") ?? ""
            guard SandboxIdentity.isNumeric(account) else {
                return Self.invalidRequest(
                    parameter: "id", value: account,
                    message: "The `id` query parameter value [\(account)] does not match ^[0-9]{1,19}$")
            }
            if let refusal = await gate.before(call, account: account) { return refusal }
            let maxResults = call.query["max_results"] ?? "10"
            guard let count = Int(maxResults), (5...100).contains(count) else {
                return Self.invalidRequest(
                    parameter: "max_results", value: maxResults,
                    message: "The `max_results` query parameter value [\(maxResults)] is not between 5 and 100")
            }
            var data: [[String: Any]] = []
            for post in await state.posts(network: "x", account: account).prefix(count) {
                data.append(await tweet(post, metrics: false))
            }
            var meta: [String: Any] = ["result_count": data.count]
            if let first = data.first?["id"] as? String, let last = data.last?["id"] as? String {
                meta["newest_id"] = first
                meta["oldest_id"] = last
            }
            var answer: [String: Any] = ["meta": meta]
            if !data.isEmpty { answer["data"] = data }
            return SandboxReply.json(200, answer)
        }
        router.get("x/2/tweets") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = Self.userID(call)
            if let refusal = await gate.before(call, account: account) { return refusal }
            let ids = (call.query["ids"] ?? "").split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard call.query["ids"]?.isEmpty == false, ids.count <= 100 else {
                return Self.invalidRequest(
                    parameter: "ids", value: call.query["ids"] ?? "",
                    message: "The number of values in the `ids` query parameter list must be between 1 and 100")
            }
            for id in ids where !SandboxIdentity.isNumeric(id) {
                return Self.invalidRequest(
                    parameter: "ids", value: id, message: "The `ids` query parameter value [\(id)] does not match ^[0-9]{1,19}$")
            }
            var data: [[String: Any]] = []
            var errors: [[String: Any]] = []
            for id in ids {
                if let post = await state.post(network: "x", id: String(id)) {
                    data.append(await tweet(post, metrics: true))
                } else {
                    errors.append([
                        "value": String(id), "detail": "Could not find tweet with ids: [\(id)].", "title": "Not Found Error",
                        "resource_type": "tweet", "parameter": "ids", "resource_id": String(id),
                        "type": "\(Self.problems)resource-not-found",
                    ])
                }
            }
            var answer: [String: Any] = [:]
            if !data.isEmpty { answer["data"] = data }
            if !errors.isEmpty { answer["errors"] = errors }
            return SandboxReply.json(200, answer)
        }
    }

    /// A valid X username (letters, digits, `_`, at most 15) from an account name.
    static func username(_ name: String) -> String {
        let kept = name.filter { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }
        return String((kept.isEmpty ? "user" : kept).prefix(15))
    }
}
