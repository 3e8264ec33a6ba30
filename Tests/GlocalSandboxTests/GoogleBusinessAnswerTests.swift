import Foundation
import Testing

/// Google Business Profile in the sandbox, against the shapes docs/networks.md ("Google Business Profile") takes from
/// the My Business API v4 reference: the LocalPost resource, Google's error model, `localPosts:reportInsights`.
@Suite struct GoogleBusinessAnswerTests {
    static let location = "accounts/1098765432101234567/locations/4567890123456789012"

    static func create(_ sandbox: SandboxCalls, _ body: [String: Any]) async throws -> SandboxCalls.Answer {
        try await sandbox.call("POST", "google_business/v4/\(location)/localPosts", token: "gbp~t", json: body)
    }

    @Test func aLocalPostIsNamedUnderItsLocationAndLive() async throws {
        try await SandboxCalls.run { sandbox in
            let created = try await Self.create(
                sandbox, ["languageCode": "fr-FR", "summary": "Bonjour", "topicType": "STANDARD"])
            #expect(created.status == 200)
            let name = try #require(created.object["name"] as? String)
            #expect(name.range(of: "^accounts/[0-9]+/locations/[0-9]+/localPosts/[0-9]+$", options: .regularExpression) != nil)
            #expect(created.object["state"] as? String == "LIVE")
            #expect(created.object["searchUrl"] is String && created.object["createTime"] is String)
            let listed = try await sandbox.call("GET", "google_business/v4/\(Self.location)/localPosts", token: "gbp~t")
            #expect((listed.object["localPosts"] as? [[String: Any]])?.map { $0["name"] as? String } == [name])
        }
    }

    /// Bodies Google refuses (by index: the test arguments must be Sendable).
    static func bodies() -> [[String: Any]] {
        [
            ["summary": String(repeating: "s", count: 1_501), "topicType": "STANDARD"],
            ["summary": "s", "topicType": "SALE"],
            ["summary": "s", "topicType": "EVENT"],
            ["summary": "s", "topicType": "STANDARD", "callToAction": ["actionType": "CALL", "url": "https://x.example"]],
            ["summary": "s", "topicType": "STANDARD", "callToAction": ["actionType": "BOOK"]],
            [
                "summary": "s", "topicType": "OFFER",
                "event": [
                    "title": "t",
                    "schedule": [
                        "startDate": ["year": 2026, "month": 12, "day": 1], "endDate": ["year": 2026, "month": 12, "day": 2],
                    ],
                ],
            ],
        ]
    }

    @Test(arguments: 0..<bodies().count)
    func whatGoogleRefusesIsInvalidArgumentNamingTheField(_ index: Int) async throws {
        try await SandboxCalls.run { sandbox in
            let body = Self.bodies()[index]
            let refused = try await Self.create(sandbox, body)
            #expect(refused.status == 400)
            let error = try #require(refused.object["error"] as? [String: Any])
            #expect(error["code"] as? Int == 400 && error["status"] as? String == "INVALID_ARGUMENT")
            let detail = try #require((error["details"] as? [[String: Any]])?.first)
            #expect(detail["@type"] as? String == "type.googleapis.com/google.rpc.BadRequest")
            #expect(((detail["fieldViolations"] as? [[String: Any]])?.first?["field"] as? String)?.isEmpty == false)
        }
    }

    @Test func insightsAreReportedPerPostAsStringTotals() async throws {
        try await SandboxCalls.run { sandbox in
            let created = try await Self.create(
                sandbox, ["languageCode": "fr-FR", "summary": "Bonjour", "topicType": "STANDARD"])
            let name = try #require(created.object["name"] as? String)
            await sandbox.state.advance(by: 86_400)
            let report = try await sandbox.call(
                "POST", "google_business/v4/\(Self.location)/localPosts:reportInsights", token: "gbp~t",
                json: [
                    "localPostNames": [name],
                    "basicRequest": [
                        "metricRequests": [["metric": "ALL"]],
                        "timeRange": ["startTime": "2026-11-01T00:00:00Z", "endTime": "2026-12-02T09:00:00Z"],
                    ],
                ])
            #expect(report.status == 200)
            let entry = try #require((report.object["localPostMetrics"] as? [[String: Any]])?.first)
            #expect(entry["localPostName"] as? String == name)
            let values = try #require(entry["metricValues"] as? [[String: Any]])
            #expect(
                values.compactMap { $0["metric"] as? String } == ["LOCAL_POST_VIEWS_SEARCH", "LOCAL_POST_ACTIONS_CALL_TO_ACTION"])
            for value in values {
                #expect(((value["totalValue"] as? [String: Any])?["value"] as? String).flatMap(Int.init) != nil)
            }
        }
    }

    @Test func theTokenEndpointGivesAnAccessTokenOnlyAndRefusesAMissingClient() async throws {
        try await SandboxCalls.run { sandbox in
            let fresh = try await sandbox.call(
                "POST", "google_business/token",
                form: [("grant_type", "refresh_token"), ("refresh_token", "gbp~r"), ("client_id", "c"), ("client_secret", "s")])
            #expect(fresh.status == 200)
            #expect(fresh.object["access_token"] is String && fresh.object["refresh_token"] == nil)
            let refused = try await sandbox.call(
                "POST", "google_business/token", form: [("grant_type", "refresh_token"), ("refresh_token", "gbp~r")])
            #expect(refused.status == 400)
            #expect(refused.object["error"] as? String == "invalid_grant")
        }
    }
}
