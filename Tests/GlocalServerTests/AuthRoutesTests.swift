import Foundation
import GlocalStore
import Hummingbird
import HummingbirdTesting
import Testing

@testable import GlocalServer

/// Sign-in, cookies, CSRF, throttling and session expiry through the in-process router.
struct AuthRoutesTests {
    @Test func signingInSetsASecureHttpOnlySameSiteCookieAndOpensTheQueue() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            let anonymous = try await browser.get("/")
            #expect(anonymous.status == .seeOther && anonymous.location == "/login")
            let landing = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            #expect(landing.status == .seeOther && landing.location == "/")
            let cookie = try #require(landing.headers[values: .setCookie].first { $0.hasPrefix("glocal_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Lax"))
            let queue = try await browser.get("/")
            #expect(queue.status == .ok)
            #expect(queue.body.contains("claire.martin@lumiere.example (manager)"))
            #expect(queue.headers[.init("Server-Timing")!]?.hasPrefix("app;dur=") == true)
        }
    }

    @Test func aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            let wrong = try await browser.login(ServerFixture.france, password: "not the password")
            #expect(wrong.status == .unauthorized && wrong.body.contains("Wrong e-mail or password."))
            let unknown = try await browser.login("ghost@lumiere.example", password: ServerFixture.password)
            #expect(unknown.status == .unauthorized && unknown.body.contains("Wrong e-mail or password."))
            #expect(browser.cookies["glocal_session"] == nil)
        }
    }

    @Test func theSignInFormNeedsItsToken() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            let forged = try await browser.post(
                "/login", form: [("csrf", "forged"), ("email", ServerFixture.france), ("password", ServerFixture.password)])
            #expect(forged.status == .forbidden)
            #expect(browser.cookies["glocal_session"] == nil)
        }
    }

    @Test func fiveFailuresThrottleTheAddress() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            for _ in 0..<5 { _ = try await browser.login(ServerFixture.uk, password: "wrong wrong wrong") }
            let blocked = try await browser.login(ServerFixture.uk, password: ServerFixture.password)
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.headers[.retryAfter] == "900")
            fixture.clock.advance(901)
            let later = try await browser.login(ServerFixture.uk, password: ServerFixture.password)
            #expect(later.status == .seeOther)
        }
    }

    /// A manager whose session expired, opening a variant's page, signs in and lands on that page; a `next` that
    /// leads off this server leads to the queue.
    @Test func signingInLeadsBackToThePageAskedFor() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            let path = "/variants/hydra-launch/launch/lumiere-fr-x?x=1"
            let asked = try await browser.get(path)
            #expect(asked.status == .seeOther)
            #expect(asked.location == "/login?next=%2Fvariants%2Fhydra-launch%2Flaunch%2Flumiere-fr-x%3Fx%3D1")
            let form = try await browser.get(try #require(asked.location))
            #expect(form.body.contains("<input type=\"hidden\" name=\"next\" value=\"\(path)\">"))
            let wrong = try await browser.post(
                "/login",
                form: [("csrf", form.csrf ?? ""), ("email", ServerFixture.france), ("password", "nope"), ("next", path)])
            #expect(wrong.status == .unauthorized && wrong.body.contains("name=\"next\" value=\"\(path)\""))
            let landing = try await browser.post(
                "/login",
                form: [
                    ("csrf", wrong.csrf ?? ""), ("email", ServerFixture.france), ("password", ServerFixture.password),
                    ("next", path),
                ])
            #expect(landing.status == .seeOther && landing.location == path)
            // Signed in already, /login?next= goes straight there.
            #expect(try await browser.get("/login?next=%2Fcalendar").location == "/calendar")
        }
        for hostile in ["https://evil.example/", "//evil.example/x", "/\\evil.example", "/login?next=/", "/a b", "x"] {
            #expect(SignInReturn.safe(hostile) == "/", "\(hostile)")
        }
        #expect(SignInReturn.safe("/accounts#account-lumiere-fr-x") == "/accounts#account-lumiere-fr-x")
        // A Location header is ASCII: a path in another script is percent-encoded, an encoded one kept as it is.
        #expect(SignInReturn.safe("/campaigns/été?q=日本") == "/campaigns/%C3%A9t%C3%A9?q=%E6%97%A5%E6%9C%AC")
        #expect(SignInReturn.safe("/campaigns/%C3%A9t%C3%A9") == "/campaigns/%C3%A9t%C3%A9")
        #expect(SignInReturn.loginLocation(path: "/", query: nil) == "/login")
    }

    @Test func aSessionExpiresAndLogoutEndsIt() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.admin, password: ServerFixture.password)
            fixture.clock.advance(8 * 3600 + 1)
            #expect(try await browser.get("/").status == .seeOther)
            _ = try await browser.login(ServerFixture.admin, password: ServerFixture.password)
            let queue = try await browser.get("/")
            let token = browser.cookies["glocal_session"]
            let forged = try await browser.post("/logout", form: [("csrf", "nope")])
            #expect(forged.status == .forbidden)
            let out = try await browser.post("/logout", form: [("csrf", queue.csrf ?? "")])
            #expect(out.status == .seeOther && out.location == "/login")
            browser.cookies["glocal_session"] = token
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    /// Signing in again in a browser that holds a session (a sign-in form opened before, in another tab) ends that
    /// session: a copied or stolen cookie of the old one stops working.
    @Test func signingInAgainEndsTheSessionItReplaces() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            let form = try await browser.get("/login")
            var other = BrowserSession(client: client)
            _ = try await other.login(ServerFixture.admin, password: ServerFixture.password)
            let first = try #require(other.cookies["glocal_session"])
            browser.cookies["glocal_session"] = first
            #expect(try await browser.get("/").status == .ok)
            let signedIn = try await browser.post(
                "/login",
                form: [("csrf", form.csrf ?? ""), ("email", ServerFixture.viewer), ("password", ServerFixture.password)])
            #expect(signedIn.status == .seeOther)
            let second = try #require(browser.cookies["glocal_session"])
            #expect(second != first)
            #expect(try await browser.get("/").status == .ok)
            #expect(try await other.get("/").status == .seeOther)
        }
    }
}
