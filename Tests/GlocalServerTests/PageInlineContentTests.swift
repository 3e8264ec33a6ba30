import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// What docs/approvals.md says of every page, which its own `Content-Security-Policy` enforces in a browser: no
/// `style` attribute, no `<style>` element and no inline `<script>`; scripts only from glocal's `/static/`.
struct PageInlineContentTests {
    /// The pages checked: the sign-in form, then every page of the navigation as an admin.
    static let pages = [
        "/", "/variants/hydra-launch/launch/lumiere-fr-x", "/campaigns", "/campaigns/hydra-launch", "/accounts", "/audit",
        "/report", "/calendar?account=lumiere-fr-x", "/notifications",
    ]

    /// The problems of `body`, empty when it keeps to the policy.
    static func inlineContent(_ body: String) -> [String] {
        var problems = body.matches(of: /<[^>]*\sstyle\s*=/).map { "style attribute: \($0.output)" }
        problems += body.matches(of: /<style[\s>]/).map { "style element: \($0.output)" }
        problems += body.matches(of: /<script(?![^>]*\ssrc="\/static\/[a-z-]+\.js")[^>]*>/).map { "script: \($0.output)" }
        return problems
    }

    @Test func noPageHasAnInlineStyleOrScript() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            let login = try await browser.get("/login")
            #expect(login.status == .ok)
            #expect(Self.inlineContent(login.body).isEmpty, "/login: \(Self.inlineContent(login.body))")
            #expect(login.headers[.contentSecurityPolicy]?.contains("style-src 'self'") == true)
            _ = try await browser.login(ServerFixture.admin, password: ServerFixture.password)
            for path in Self.pages {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(Self.inlineContent(page.body).isEmpty, "\(path): \(Self.inlineContent(page.body))")
            }
        }
    }
}
