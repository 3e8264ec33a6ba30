import Foundation
import GlocalCore
import GlocalNetworks
import Testing

/// The outcome mappers of Pinterest (`{"code", "message"}`) and Google Business Profile (`{"error": {…, "status"}}`).
@Suite struct PinterestGoogleBusinessClassifierTests {
    static let now = Date(timeIntervalSince1970: 1_796_115_600)

    static let pinterest: [ClassifierRow] = [
        ClassifierRow(201, #"{"id":"1022106146000000001"}"#, nil),
        ClassifierRow(204, nil),
        // x-ratelimit-reset counts seconds left; Retry-After wins when both are sent.
        ClassifierRow(429, headers: ["x-ratelimit-reset": "120"], .rateLimited(until: now.addingTimeInterval(120))),
        // An epoch instant is read as one, not as 56 years of seconds left.
        ClassifierRow(
            429, headers: ["x-ratelimit-reset": "\(Int(now.timeIntervalSince1970) + 90)"],
            .rateLimited(until: Date(timeIntervalSince1970: Double(Int(now.timeIntervalSince1970) + 90)))),
        ClassifierRow(
            429, headers: ["retry-after": "30", "x-ratelimit-reset": "120"], .rateLimited(until: now.addingTimeInterval(30))),
        ClassifierRow(429, #"{"code":8,"message":"You have exceeded your rate limit."}"#, .rateLimited(until: nil)),
        ClassifierRow(
            401, #"{"code":2,"message":"Authentication failed."}"#,
            .reconnectRequired("Pinterest refused the token (code 2): Authentication failed.")),
        ClassifierRow(
            400, #"{"code":1,"message":"Invalid parameters."}"#, .invalidContent("Pinterest (code 1): Invalid parameters.")),
        ClassifierRow(
            403, #"{"code":3,"message":"Not permitted to access the board."}"#,
            .permanent("Pinterest answered HTTP 403 (code 3): Not permitted to access the board.")),
        ClassifierRow(
            404, #"{"code":50,"message":"Pin not found."}"#, .permanent("Pinterest answered HTTP 404 (code 50): Pin not found.")),
        ClassifierRow(500, "<html>oops</html>", .transient("Pinterest answered HTTP 500")),
        ClassifierRow(503, .transient("Pinterest answered HTTP 503")),
    ]

    static let googleBusiness: [ClassifierRow] = [
        ClassifierRow(200, #"{"name":"accounts/1/locations/2/localPosts/3","state":"LIVE"}"#, nil),
        ClassifierRow(
            429,
            #"{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"Quota exceeded","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"120s"}]}}"#,
            .rateLimited(until: now.addingTimeInterval(120))),
        ClassifierRow(
            429, #"{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"Quota exceeded"}}"#,
            headers: ["retry-after": "7"], .rateLimited(until: now.addingTimeInterval(7))),
        ClassifierRow(
            429, #"{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"Quota exceeded"}}"#,
            .rateLimited(until: now.addingTimeInterval(30))),
        ClassifierRow(
            401,
            #"{"error":{"code":401,"status":"UNAUTHENTICATED","message":"Request had invalid authentication credentials."}}"#,
            .reconnectRequired("Google refused the token: Request had invalid authentication credentials.")),
        ClassifierRow(
            400, #"{"error":{"code":400,"status":"INVALID_ARGUMENT","message":"Request contains an invalid argument."}}"#,
            .invalidContent("Google Business Profile: Request contains an invalid argument.")),
        ClassifierRow(409, #"{"error":{"code":409,"status":"ALREADY_EXISTS","message":"exists"}}"#, .duplicate(nil)),
        ClassifierRow(
            403, #"{"error":{"code":403,"status":"PERMISSION_DENIED","message":"The caller does not have permission"}}"#,
            .permanent("Google Business Profile answered HTTP 403 PERMISSION_DENIED: The caller does not have permission")),
        ClassifierRow(
            503, #"{"error":{"code":503,"status":"UNAVAILABLE","message":"The service is currently unavailable."}}"#,
            .transient("Google Business Profile answered HTTP 503")),
        ClassifierRow(502, "<html>Bad Gateway</html>", .transient("Google Business Profile answered HTTP 502")),
    ]

    private func check(_ row: ClassifierRow, _ classify: (Int, [String: String], Data, Date) -> PublishOutcome?) {
        #expect(classify(row.status, row.headers, Data(row.body.utf8), Self.now) == row.expected)
    }

    @Test(arguments: pinterest) func pinterestAnswers(_ row: ClassifierRow) { check(row, PinterestResponseClassifier.classify) }

    @Test(arguments: googleBusiness) func googleBusinessAnswers(_ row: ClassifierRow) {
        check(row, GoogleBusinessResponseClassifier.classify)
    }
}
