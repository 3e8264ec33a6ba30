import Foundation
import Hummingbird

/// Google Business Profile in the sandbox: local posts of a location (create, list), their insights
/// (`localPosts:reportInsights`), and Google's token endpoint. The account key is the location name
/// (`accounts/{a}/locations/{l}`); any bearer token may post there.
struct GoogleBusinessRoutes: Sendable {
    let gate: SandboxGate
    var state: SandboxState { gate.state }

    static func location(_ context: BasicRequestContext) -> String {
        "accounts/\(context.parameters.get("account") ?? "")/locations/\(context.parameters.get("location") ?? "")"
    }

    /// The local post as Google answers it: the body as sent, with its name, state, times and search URL.
    static func localPost(_ post: SandboxPost) -> [String: Any] {
        var answer = (try? JSONSerialization.jsonObject(with: Data(post.body.utf8))) as? [String: Any] ?? [:]
        let time = SandboxDialect.iso(post.postedAt)
        answer["name"] = post.id
        answer["state"] = "LIVE"
        answer["createTime"] = time
        answer["updateTime"] = time
        answer["searchUrl"] = "https://local.google.com/place?use=posts&lpsid=\(post.id.split(separator: "/").last ?? "")"
        return answer
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("google_business/v4/accounts/:account/locations/:location/localPosts") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let location = Self.location(context)
            if let refusal = await gate.before(call, account: location) { return refusal }
            let json = call.json
            if let problem = GoogleBusinessLocalPostCheck.problem(json) {
                return GoogleBusinessAnswers.invalid(field: problem.field, problem.description)
            }
            let name = "\(location)/localPosts/\(1_000_000_000_000_000 + (await state.next("google_business")))"
            let post = SandboxPost(
                network: "google_business", account: location, id: name, kind: "post", text: json["summary"] as? String ?? "",
                body: call.bodyText, postedAt: await state.now())
            await state.store(post)
            return await gate.after(account: location, SandboxReply.json(200, Self.localPost(post)))
        }
        router.get("google_business/v4/accounts/:account/locations/:location/localPosts") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let location = Self.location(context)
            if let refusal = await gate.before(call, account: location) { return refusal }
            let size = min(100, Int(call.query["pageSize"] ?? "20") ?? 20)
            let posts = await state.posts(network: "google_business", account: location).filter { $0.kind == "post" }
            return SandboxReply.json(200, ["localPosts": posts.prefix(size).map(Self.localPost)])
        }
        router.post("google_business/v4/accounts/:account/locations/:location/localPosts:reportInsights") {
            request, context -> Response in
            let call = try await SandboxCall.read(request)
            let location = Self.location(context)
            if let refusal = await gate.before(call, account: location) { return refusal }
            let json = call.json
            guard let names = json["localPostNames"] as? [String], !names.isEmpty,
                let basic = json["basicRequest"] as? [String: Any], basic["metricRequests"] != nil, basic["timeRange"] != nil
            else {
                return GoogleBusinessAnswers.invalid(field: "basic_request", "localPostNames and basicRequest are required")
            }
            let now = await state.now()
            var entries: [[String: Any]] = []
            for name in names {
                guard name.hasPrefix(location + "/localPosts/"), let post = await state.post(network: "google_business", id: name)
                else { return GoogleBusinessAnswers.notFound(name) }
                let counts = SandboxEngagement.counters(
                    postedAt: post.postedAt, now: now,
                    audience: await state.audience(network: "google_business", account: location))
                let values: [(String, Int)] = [
                    ("LOCAL_POST_VIEWS_SEARCH", counts["views"]!), ("LOCAL_POST_ACTIONS_CALL_TO_ACTION", counts["clicks"]!),
                ]
                entries.append([
                    "localPostName": name,
                    "metricValues": values.map { metric, value -> [String: Any] in
                        [
                            "metric": metric,
                            "totalValue": [
                                "metricOption": "AGGREGATED_TOTAL", "timeDimension": ["timeRange": basic["timeRange"]!],
                                "value": String(value),
                            ],
                        ]
                    },
                ])
            }
            return SandboxReply.json(200, ["name": location, "localPostMetrics": entries, "timeZone": "Europe/Paris"])
        }
        router.post("google_business/token") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let token = call.form["refresh_token"] ?? ""
            let name = String(token.split(separator: "~").first ?? "")
            if let refusal = await gate.before(call, account: name, refresh: true) { return refusal }
            guard call.form["grant_type"] == "refresh_token", !token.isEmpty, call.form["client_id"]?.isEmpty == false else {
                return gate.dialect.refreshRefused()
            }
            let pair = await gate.issueTokens(account: name)
            // Google sends no refresh token back: the one the client holds stays valid.
            return SandboxReply.json(
                200,
                [
                    "access_token": pair.access, "expires_in": 3599, "token_type": "Bearer",
                    "scope": "https://www.googleapis.com/auth/business.manage",
                ])
        }
    }
}
