import Testing

@testable import GlocalDispatch

/// A refresh failure's reason says "token refresh failed" once.
struct RefreshFailureWordingTests {
    @Test func thePrefixIsSaidOnce() {
        #expect(Dispatcher.refreshFailure("token refresh failed: HTTP 500") == "token refresh failed: HTTP 500")
        #expect(Dispatcher.refreshFailure("refresh gave no token") == "token refresh failed: refresh gave no token")
    }
}
