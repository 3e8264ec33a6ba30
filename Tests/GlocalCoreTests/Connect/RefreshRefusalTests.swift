import GlocalCore
import Testing

/// A refused refresh says which credential the network refused, by its OAuth `error`, and how to reconnect.
struct RefreshRefusalTests {
    @Test(arguments: [
        ("invalid_grant", "refresh token was refused as expired, revoked or already used"),
        ("invalid_client", "client id or secret stored with the account was refused"),
        ("unauthorized_client", "client id or secret stored with the account was refused"),
        ("invalid_scope", "more than the account granted"),
        ("invalid_request", "refused as invalid"),
        ("temporarily_odd", "refused the refresh (temporarily_odd, HTTP 401)"),
    ])
    func eachErrorIsSaidWithItsCodeAndTheFix(error: String, words: String) {
        let reason = RefreshRefusal.reason(error: error, status: 401)
        #expect(reason.contains(words) && reason.contains(error), "\(reason)")
        #expect(
            reason.hasSuffix("reconnect the account (Reconnect on the accounts page, or glocal account connect)")
                || reason.hasSuffix("to store the app's current ones"))
        #expect(!reason.hasPrefix("token refresh refused"), "the dispatcher and the token keeper say that part")
    }

    @Test func anAnswerWithoutAnErrorNamesItsStatus() {
        #expect(
            RefreshRefusal.reason(error: nil, status: 400)
                == "the token endpoint refused the refresh (HTTP 400): reconnect the account (Reconnect on the accounts "
                + "page, or glocal account connect)")
    }
}
