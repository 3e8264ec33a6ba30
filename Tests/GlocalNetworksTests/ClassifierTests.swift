import Foundation
import GlocalCore
import GlocalNetworks
import Testing

/// One row of an outcome-mapper table.
struct ClassifierRow: Sendable, CustomTestStringConvertible {
    let status: Int
    let headers: [String: String]
    let body: String
    let expected: PublishOutcome?

    init(_ status: Int, _ body: String = "", headers: [String: String] = [:], _ expected: PublishOutcome?) {
        self.status = status
        self.headers = headers
        self.body = body
        self.expected = expected
    }

    init(_ status: Int, headers: [String: String] = [:], _ expected: PublishOutcome?) {
        self.init(status, "", headers: headers, expected)
    }

    var testDescription: String { "\(status) \(body.prefix(40))" }
}

/// The pure outcome mappers, one table per network.
@Suite struct ClassifierTests {
    static let now = Date(timeIntervalSince1970: 1_796_115_600)

    static let x: [ClassifierRow] = [
        ClassifierRow(201, #"{"data":{"id":"1"}}"#, nil),
        ClassifierRow(
            429, headers: ["x-rate-limit-reset": "1796116500"], .rateLimited(until: Date(timeIntervalSince1970: 1_796_116_500))),
        ClassifierRow(429, headers: ["retry-after": "30"], .rateLimited(until: now.addingTimeInterval(30))),
        ClassifierRow(429, .rateLimited(until: nil)),
        ClassifierRow(401, #"{"detail":"Unauthorized"}"#, .reconnectRequired("X refused the token: Unauthorized")),
        ClassifierRow(403, #"{"detail":"You are not allowed to create a Tweet with duplicate content."}"#, .duplicate(nil)),
        ClassifierRow(
            403, #"{"detail":"You are not permitted to perform this action."}"#,
            .permanent("X forbids this: You are not permitted to perform this action.")),
        ClassifierRow(400, #"{"detail":"text too long"}"#, .invalidContent("text too long")),
        ClassifierRow(503, .transient("X answered HTTP 503")),
    ]

    static let bluesky: [ClassifierRow] = [
        ClassifierRow(200, #"{"uri":"at://x"}"#, nil),
        ClassifierRow(
            400, #"{"error":"ExpiredToken","message":"Token has expired"}"#, .reconnectRequired("Bluesky: ExpiredToken")),
        ClassifierRow(401, #"{"error":"AuthenticationRequired"}"#, .reconnectRequired("Bluesky: AuthenticationRequired")),
        ClassifierRow(
            400, #"{"error":"AccountTakedown","message":"Account has been taken down"}"#,
            .reconnectRequired(
                "Bluesky: AccountTakedown: the Bluesky account is taken down by Bluesky's moderation (its PDS's session"
                    + " says status takendown): it cannot post until it is active again; then reconnect it (Reconnect on"
                    + " the accounts page, or glocal account connect)")),
        ClassifierRow(400, #"{"error":"InvalidRequest","message":"too long"}"#, .invalidContent("InvalidRequest: too long")),
        ClassifierRow(
            429, headers: ["ratelimit-reset": "1796119200", "retry-after": "10"],
            .rateLimited(until: Date(timeIntervalSince1970: 1_796_119_200))),
        ClassifierRow(429, headers: ["retry-after": "10"], .rateLimited(until: now.addingTimeInterval(10))),
        ClassifierRow(500, #"{"error":"InternalServerError"}"#, .transient("Bluesky answered HTTP 500")),
    ]

    static let mastodon: [ClassifierRow] = [
        ClassifierRow(200, "{}", nil),
        ClassifierRow(
            429, headers: ["x-ratelimit-reset": "2026-12-01T12:00:00.000Z"],
            .rateLimited(until: Date(timeIntervalSince1970: 1_796_126_400))),
        ClassifierRow(
            401, #"{"error":"The access token is invalid"}"#,
            .reconnectRequired("Mastodon refused the token: The access token is invalid")),
        ClassifierRow(422, #"{"error":"Validation failed"}"#, .invalidContent("Validation failed")),
        ClassifierRow(503, .transient("Mastodon answered HTTP 503")),
        ClassifierRow(404, #"{"error":"Record not found"}"#, .permanent("Mastodon answered HTTP 404: Record not found")),
    ]

    static let linkedIn: [ClassifierRow] = [
        ClassifierRow(201, nil),
        ClassifierRow(429, .rateLimited(until: Date(timeIntervalSince1970: 1_796_169_600))),
        ClassifierRow(
            401, #"{"code":"EXPIRED_ACCESS_TOKEN"}"#, .reconnectRequired("LinkedIn refused the token: EXPIRED_ACCESS_TOKEN")),
        ClassifierRow(422, #"{"code":"DUPLICATE_POST","message":"Content is a duplicate"}"#, .duplicate(nil)),
        ClassifierRow(422, #"{"message":"commentary too long"}"#, .invalidContent("commentary too long")),
        ClassifierRow(500, .transient("LinkedIn answered HTTP 500")),
    ]

    static let facebook: [ClassifierRow] = [
        ClassifierRow(200, #"{"id":"1_2"}"#, nil),
        ClassifierRow(400, #"{"error":{"code":506,"message":"(#506) Duplicate status message"}}"#, .duplicate(nil)),
        ClassifierRow(
            400, #"{"error":{"code":190,"error_subcode":463,"message":"Session has expired"}}"#,
            .reconnectRequired("Facebook error 190/463: Session has expired")),
        ClassifierRow(
            400, #"{"error":{"code":32,"message":"Page request limit reached"}}"#,
            headers: ["x-business-use-case-usage": #"{"1":[{"type":"pages","estimated_time_to_regain_access":5}]}"#],
            .rateLimited(until: now.addingTimeInterval(300))),
        ClassifierRow(400, #"{"error":{"code":4,"message":"Application request limit reached"}}"#, .rateLimited(until: nil)),
        ClassifierRow(
            500, #"{"error":{"code":1,"is_transient":true,"message":"unknown"}}"#, .transient("Facebook error 1: unknown")),
        ClassifierRow(
            400, #"{"error":{"code":100,"message":"Invalid parameter"}}"#,
            .invalidContent("Facebook error 100: Invalid parameter")),
        ClassifierRow(
            403, #"{"error":{"code":200,"message":"Permissions error"}}"#,
            .reconnectRequired("permission missing: Facebook error 200: Permissions error")),
    ]

    static let instagram: [ClassifierRow] = [
        ClassifierRow(200, #"{"id":"17"}"#, nil),
        ClassifierRow(400, #"{"error":{"code":506,"message":"ignored"}}"#, .invalidContent("Instagram error 506: ignored")),
        ClassifierRow(
            400, #"{"error":{"code":9,"error_subcode":2207042,"message":"publishing limit"}}"#, .rateLimited(until: nil)),
        ClassifierRow(400, #"{"error":{"code":190,"message":"expired"}}"#, .reconnectRequired("Instagram error 190: expired")),
    ]

    static let webhook: [ClassifierRow] = [
        ClassifierRow(201, #"{"id":"wh-1"}"#, nil),
        ClassifierRow(
            409, #"{"id":"wh-1","url":"https://h/1"}"#, .duplicate(PublishReceipt(remoteID: "wh-1", url: "https://h/1"))),
        ClassifierRow(
            429, headers: ["retry-after": "Tue, 01 Dec 2026 09:05:00 GMT"], .rateLimited(until: now.addingTimeInterval(300))),
        ClassifierRow(401, .reconnectRequired("webhook refused the token: HTTP 401")),
        ClassifierRow(502, .transient("webhook answered HTTP 502")),
    ]

    private func check(_ row: ClassifierRow, _ classify: (Int, [String: String], Data, Date) -> PublishOutcome?) {
        #expect(classify(row.status, row.headers, Data(row.body.utf8), Self.now) == row.expected)
    }

    @Test(arguments: x) func xAnswers(_ row: ClassifierRow) { check(row, XResponseClassifier.classify) }
    @Test(arguments: bluesky) func blueskyAnswers(_ row: ClassifierRow) { check(row, BlueskyResponseClassifier.classify) }
    @Test(arguments: mastodon) func mastodonAnswers(_ row: ClassifierRow) { check(row, MastodonResponseClassifier.classify) }
    @Test(arguments: linkedIn) func linkedInAnswers(_ row: ClassifierRow) { check(row, LinkedInResponseClassifier.classify) }
    @Test(arguments: facebook) func facebookAnswers(_ row: ClassifierRow) { check(row, FacebookResponseClassifier.classify) }
    @Test(arguments: instagram) func instagramAnswers(_ row: ClassifierRow) { check(row, InstagramResponseClassifier.classify) }
    @Test(arguments: webhook) func webhookAnswers(_ row: ClassifierRow) { check(row, WebhookResponseClassifier.classify) }
}
