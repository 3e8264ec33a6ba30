import Foundation
import GlocalCore
import Hummingbird

/// LinkedIn's Posts API in the sandbox: versioned headers required, `commentary` kept as LinkedIn reads its little text
/// (``LinkedInLittleTextReader``) and at most 3000 characters, 422 `DUPLICATE_POST`, `content` checked against uploaded
/// media, comments, social actions, OAuth refresh. Images and videos: ``LinkedInMediaRoutes``.
struct LinkedInRoutes: Sendable {
    let gate: SandboxGate
    var state: SandboxState { gate.state }

    /// 426 without a `LinkedIn-Version` that names a released version (`YYYYMM`, from 202206; the dates are the
    /// version gate's), 400 without `X-Restli-Protocol-Version: 2.0.0`.
    static func versionRefusal(_ call: SandboxCall) -> Response? {
        let version = call.headers["linkedin-version"]
        guard let version, case .known = APIVersionTable.lookUp(version, for: .linkedin) else {
            return APIVersionGate.nonexistentVersion(version)
        }
        guard call.headers["x-restli-protocol-version"] == "2.0.0" else {
            return SandboxReply.json(400, ["status": 400, "message": "X-Restli-Protocol-Version 2.0.0 is required"])
        }
        return nil
    }

    /// The most a commentary may hold: 3000 characters, counted as glocal's LinkedIn rule counts them (graphemes of
    /// the text as it reads). LinkedIn's own pages found so far give no number; integrators' guides give 3000.
    static let commentaryLimit = 3000

    func register(on router: Router<BasicRequestContext>) {
        router.post("linkedin/rest/posts") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let json = call.json
            let author = json["author"] as? String ?? ""
            if let refusal = await gate.before(call, account: author) { return refusal }
            if let refusal = Self.versionRefusal(call) { return refusal }
            // `author`: "Person or Organization URN … create-only required".
            guard author.range(of: "^urn:li:(person|organization):[A-Za-z0-9_-]+$", options: .regularExpression) != nil else {
                let problem =
                    json["author"] == nil ? "field is required but not found and has no default value" : "is not a valid URN"
                return SandboxReply.json(422, ["status": 422, "message": "ERROR :: /author :: \(problem)"])
            }
            guard let commentary = json["commentary"] as? String, json["lifecycleState"] as? String == "PUBLISHED" else {
                return SandboxReply.json(422, ["status": 422, "message": "commentary and lifecycleState are required"])
            }
            let read = LinkedInLittleTextReader(commentary)
            if read.shown.count > Self.commentaryLimit {
                // The Rest.li validator's wording, in the 422 every schema check of the sandbox answers.
                let message = "ERROR :: /commentary :: length of \"\(commentary)\" is out of range 0...\(Self.commentaryLimit)"
                return SandboxReply.json(422, ["status": 422, "message": message])
            }
            if let refusal = await LinkedInMediaRoutes.contentRefusal(json["content"], author: author, state: state) {
                return refusal
            }
            if let existing = await state.post(network: "linkedin", account: author, text: read.kept) {
                return SandboxReply.json(
                    422, ["status": 422, "code": "DUPLICATE_POST", "message": "Content is a duplicate of \(existing.id)"])
            }
            let urn = "urn:li:share:\(7_000_000_000_000_000_000 + (await state.next("linkedin")))"
            // Kept as LinkedIn keeps it: cut at an unescaped reserved character, so a post reads back as it went out.
            await state.store(
                SandboxPost(
                    network: "linkedin", account: author, id: urn, kind: "post", text: read.kept, body: call.bodyText,
                    postedAt: await state.now()))
            return await gate.after(
                account: author, SandboxReply.raw(201, Data(), contentType: nil, headers: [("x-restli-id", urn)]))
        }
        router.post("linkedin/rest/socialActions/:urn/comments") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let json = call.json
            let actor = json["actor"] as? String ?? ""
            if let refusal = await gate.before(call, account: actor) { return refusal }
            if let refusal = Self.versionRefusal(call) { return refusal }
            let parent = context.parameters.get("urn")?.removingPercentEncoding ?? ""
            let text = (json["message"] as? [String: Any])?["text"] as? String ?? ""
            let id = "urn:li:comment:(\(parent),\(await state.next("linkedin/comment")))"
            await state.store(
                SandboxPost(
                    network: "linkedin", account: actor, id: id, kind: "comment", text: text, body: call.bodyText,
                    parentID: parent, postedAt: await state.now()))
            return SandboxReply.json(201, ["id": id, "object": parent, "actor": actor], headers: [("x-restli-id", id)])
        }
        router.get("linkedin/rest/posts") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let author = call.query["author"] ?? ""
            if let refusal = await gate.before(call, account: author) { return refusal }
            if let refusal = Self.versionRefusal(call) { return refusal }
            let elements = await state.posts(network: "linkedin", account: author).prefix(Int(call.query["count"] ?? "10") ?? 10)
                .map {
                    ["id": $0.id, "author": author, "commentary": $0.text, "lifecycleState": "PUBLISHED", "visibility": "PUBLIC"]
                }
            return SandboxReply.json(200, ["elements": Array(elements), "paging": ["start": 0, "count": elements.count]])
        }
        router.get("linkedin/rest/socialActions/:urn") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let account = call.tokenAccount ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            if let refusal = Self.versionRefusal(call) { return refusal }
            let urn = context.parameters.get("urn")?.removingPercentEncoding ?? ""
            guard let post = await state.post(network: "linkedin", id: urn) else {
                return SandboxReply.json(404, ["status": 404, "message": "Not Found"])
            }
            let counts = SandboxEngagement.counters(
                postedAt: post.postedAt, now: await state.now(),
                audience: await state.audience(network: "linkedin", account: post.account))
            return SandboxReply.json(
                200,
                [
                    "target": urn, "likesSummary": ["totalLikes": counts["likes"]!, "likedByCurrentUser": false],
                    "commentsSummary": [
                        "aggregatedTotalComments": counts["replies"]!, "totalFirstLevelComments": counts["replies"]!,
                    ],
                ])
        }
        router.post("linkedin/oauth/v2/accessToken") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let token = call.form["refresh_token"] ?? ""
            let account = String(token.split(separator: "~").first ?? "")
            if let refusal = await gate.before(call, account: account, refresh: true) { return refusal }
            guard call.form["grant_type"] == "refresh_token", !token.isEmpty else { return gate.dialect.refreshRefused() }
            let pair = await gate.issueTokens(account: account)
            return SandboxReply.json(
                200,
                [
                    "access_token": pair.access, "expires_in": 5_184_000, "refresh_token": pair.refresh,
                    "refresh_token_expires_in": 31_536_000,
                ])
        }
    }
}
