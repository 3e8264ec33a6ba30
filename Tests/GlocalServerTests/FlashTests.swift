import Foundation
import GlocalCore
import GlocalStore
import Hummingbird
import HummingbirdTesting
import Testing

@testable import GlocalServer

/// What a page says after a form comes from the server's record of that answer (a flash signed for the session), not
/// from the URL: a crafted link says nothing, another session's or an altered flash is dropped, and a flash is shown
/// once.
struct FlashTests {
    static let frXPath = "/variants/hydra-launch/launch/lumiere-fr-x"

    @Test func aCraftedLinkShowsNoNotice() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            for path in [
                "/?notice=bulk&count=12&skipped=0", "/?notice=bulk-rejected&count=12", "/accounts?notice=paused-all",
                Self.frXPath + "?notice=bulk&count=12",
            ] {
                let page = try await browser.get(path)
                #expect(page.status == .ok && !page.body.contains("class=\"notice\""), "\(path)")
            }
        }
    }

    @Test func theNoticeSaysWhatTheServerDidOnceAndOnlyToItsSession() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let csrf = try await france.get("/").csrf ?? ""
            let pick = ("id", "\(ServerFixture.frX.id)@\(ServerFixture.frX.contentHash)")
            let sent = try await france.post("/approve", form: [("csrf", csrf), pick])
            let flash = try #require(france.cookies[Flash.cookieName])
            #expect(sent.location == "/" && !sent.headers[values: .setCookie].filter { $0.contains("HttpOnly") }.isEmpty)

            // Another session presenting the cookie sees nothing; nor does this one once the value is altered.
            var other = BrowserSession(client: client)
            _ = try await other.login(ServerFixture.admin, password: ServerFixture.password)
            other.cookies[Flash.cookieName] = flash
            #expect(!(try await other.get("/")).body.contains("Approved 1 variant."))
            let parts = flash.split(separator: ".")
            let json = try #require(Data(base64Encoded: Self.padded(String(parts[0]))))
            let altered = String(decoding: json, as: UTF8.self).replacingOccurrences(of: "Approved 1 ", with: "Approved 12 ")
            var forger = france
            forger.cookies[Flash.cookieName] = Self.base64URL(Data(altered.utf8)) + "." + parts[1]
            let forged = try await forger.get("/")
            #expect(!forged.body.contains("Approved 12 variants.") && !forged.body.contains("class=\"notice\""))

            // The genuine one, once.
            let shown = try await france.get("/")
            #expect(shown.body.contains("<p class=\"notice\" role=\"status\">Approved 1 variant.</p>"))
            #expect(france.cookies[Flash.cookieName] == nil)
            #expect(!(try await france.get("/")).body.contains("Approved 1 variant."))
        }
    }

    /// A refusal is no redirect: it is answered in place (409) with the text typed, and leaves no flash behind.
    @Test func aRefusalIsAnsweredInPlaceAndLeavesNoFlash() async throws {
        let fixture = try ServerFixture()
        let path = "/variants/hydra-launch/launch/lumiere-fr-facebook"
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let page = try await browser.get(path)
            let typed = "Hydra désaltère la peau."
            let answer = try await browser.post(
                path + "/edit",
                form: [
                    ("csrf", page.csrf ?? ""), ("revision", "0123456789abcdef"), ("text", typed),
                    ("link_placement", "first_comment"),
                ])
            #expect(answer.status == .conflict && answer.location == nil && answer.body.contains("Nothing was saved"))
            #expect(answer.body.contains(">\(typed)</textarea>"))
            #expect(browser.cookies[Flash.cookieName] == nil)
            #expect(!(try await browser.get(path)).body.contains("Nothing was saved"))
        }
        #expect(try fixture.store.variant(ServerFixture.frFacebook.id)?.text == ServerFixture.frFacebook.text)
    }

    static func padded(_ base64URL: String) -> String {
        let base64 = base64URL.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        return base64 + String(repeating: "=", count: (4 - base64.count % 4) % 4)
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
