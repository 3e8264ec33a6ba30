import Foundation
import GlocalCore
import GlocalStore
import GlocalYAML
import Testing

/// The live counter's endpoint counts as the validator counts (X's URLs and emoji, Mastodon's URLs and remote
/// mentions, Threads' emoji bytes) and reports the validator's problems in plain words with their rule ids.
struct TextCountRoutesTests {
    static let variants = [
        ServerFixture.frX, ServerFixture.ukX,
        ServerFixture.variant(account: "lumiere-fr-mastodon", network: .mastodon),
        ServerFixture.variant(account: "lumiere-fr-threads", network: .threads),
        ServerFixture.variant(account: "lumiere-fr-bluesky", network: .bluesky),
    ]

    /// The JSON answer for `text` typed on `account`'s variant, as the signed-in `browser` (France's manager).
    static func count(
        _ text: String, account: String, placement: String = "reply", browser: inout BrowserSession, csrf: String
    ) async throws -> (status: Int, json: [String: Any]) {
        let answer = try await browser.post(
            "/variants/hydra-launch/launch/\(account)/count",
            form: [("csrf", csrf), ("text", text), ("link_placement", placement)])
        let json = (try? JSONSerialization.jsonObject(with: Data(answer.body.utf8))) as? [String: Any] ?? [:]
        return (Int(answer.status.code), json)
    }

    /// What `glocal validate`'s rules say of `text` on `variant`.
    static func validator(_ variant: StoredVariant, _ text: String, placement: LinkPlacement = .reply) -> [Diagnostic] {
        let accounts = ServerFixture.workspace.accounts.filter { $0.id.value == variant.accountID }
        return VariantEditCheck(accounts: accounts, media: FileMediaInspector(root: ServerFixture.root))
            .check(variant, text: text, linkPlacement: placement)
    }

    @Test func countsAreTheValidatorsOnXMastodonThreadsAndBluesky() async throws {
        let fixture = try ServerFixture(variants: Self.variants)
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let csrf = try await browser.get("/variants/hydra-launch/launch/lumiere-fr-x").csrf ?? ""
            // X: "Hydra " 6 + 🌊 2 + " " 1 + a URL 23 + " " 1 + 日本 4.
            let x = try await Self.count(
                "Hydra 🌊 https://lumiere.example/fr-FR/hydra?utm_source=x 日本", account: "lumiere-fr-x", browser: &browser,
                csrf: csrf)
            #expect(x.status == 200 && x.json["count"] as? Int == 37 && x.json["limit"] as? Int == 280)
            #expect((x.json["problems"] as? [Any])?.isEmpty == true)
            // Mastodon: "Salut " 6 + "@ami" 4 (the server is not counted) + " " 1 + a URL 23.
            let mastodon = try await Self.count(
                "Salut @ami@piaille.fr https://lumiere.example/a/very/long/path/that/goes/on", account: "lumiere-fr-mastodon",
                browser: &browser, csrf: csrf)
            #expect(mastodon.json["count"] as? Int == 34 && mastodon.json["limit"] as? Int == 500)
            // Threads: "Hydra " 6 + 😀 4 bytes + 👍🏽 8 bytes.
            let threads = try await Self.count("Hydra 😀👍🏽", account: "lumiere-fr-threads", browser: &browser, csrf: csrf)
            #expect(threads.json["count"] as? Int == 18 && threads.json["limit"] as? Int == 500)
            // Bluesky: graphemes and UTF-8 bytes.
            let bluesky = try await Self.count("Été 👍🏽", account: "lumiere-fr-bluesky", browser: &browser, csrf: csrf)
            #expect(bluesky.json["count"] as? Int == 5 && bluesky.json["bytes"] as? Int == 14)
            #expect(bluesky.json["byte_limit"] as? Int == 3000)
            for (account, text, answer) in [
                ("lumiere-fr-x", "Hydra 🌊 https://lumiere.example/fr-FR/hydra?utm_source=x 日本", x),
                ("lumiere-fr-mastodon", "Salut @ami@piaille.fr https://lumiere.example/a/very/long/path/that/goes/on", mastodon),
                ("lumiere-fr-threads", "Hydra 😀👍🏽", threads),
            ] {
                let variant = try #require(Self.variants.first { $0.accountID == account })
                var rules = NetworkRules.forNetwork(variant.network)
                if let max = ServerFixture.workspace.accounts.first(where: { $0.id.value == account })?.maxCharacters {
                    rules.maxTextLength = max
                }
                #expect(answer.json["count"] as? Int == TextCounter.measure(text, rules: rules).length, "\(account)")
                // Bytes on every network (docs/approvals.md), a byte limit only where the network has one (Bluesky).
                #expect(answer.json["bytes"] as? Int == text.utf8.count, "\(account)")
                #expect(answer.json["byte_limit"] == nil, "\(account)")
            }
        }
    }

    @Test func problemsAreTheValidatorsInPlainWordsWithTheirRuleIDs() async throws {
        let fixture = try ServerFixture(variants: Self.variants)
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let csrf = try await browser.get("/variants/hydra-launch/launch/lumiere-fr-x").csrf ?? ""
            let long = String(repeating: "Hydra ", count: 50) + "https://lumiere.example/fr-FR/hydra"
            let answer = try await Self.count(
                long, account: "lumiere-fr-x", placement: "first_comment", browser: &browser, csrf: csrf)
            let problems = try #require(answer.json["problems"] as? [[String: Any]])
            let expected = Self.validator(ServerFixture.frX, long, placement: .firstComment)
            #expect(problems.map { $0["rule"] as? String } == Diagnostic.sortedForOutput(expected).map(\.rule))
            #expect(Set(problems.compactMap { $0["rule"] as? String }) == ["text.too-long", "link.placement"])
            let tooLong = try #require(problems.first { $0["rule"] as? String == "text.too-long" })
            #expect(tooLong["detail"] as? String == expected.first { $0.rule == "text.too-long" }?.message)
            #expect(tooLong["detail"] as? String == "x/lumiere-fr-x: text is 323/280 weighted characters")
            #expect(tooLong["message"] as? String == "Too long for X: 323 of 280 characters as X counts them, 43 too many.")
            #expect(answer.json["count"] as? Int == 323)
            // The same text as another account's X variant of this post: X's distinct-text rule, as on saving.
            let copy = try await Self.count(ServerFixture.ukX.text, account: "lumiere-fr-x", browser: &browser, csrf: csrf)
            #expect((copy.json["problems"] as? [[String: Any]])?.map { $0["rule"] as? String } == ["x.duplicate-text"])
        }
    }

    @Test func theEndpointNeedsASessionACSRFTokenAndTheUsersTeam() async throws {
        let fixture = try ServerFixture(variants: Self.variants)
        try await fixture.test { client in
            var anonymous = BrowserSession(client: client)
            let unsigned = try await anonymous.post("/variants/hydra-launch/launch/lumiere-fr-x/count", form: [("text", "Hi")])
            #expect(unsigned.status == .seeOther && unsigned.location == "/login")
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let csrf = try await browser.get("/variants/hydra-launch/launch/lumiere-fr-x").csrf ?? ""
            #expect(try await Self.count("Hi", account: "lumiere-fr-x", browser: &browser, csrf: "").status == 403)
            #expect(try await Self.count("Hi", account: "lumiere-uk-x", browser: &browser, csrf: csrf).status == 403)
            #expect(try await Self.count("Hi", account: "lumiere-fr-nowhere", browser: &browser, csrf: csrf).status == 404)
            // A viewer sees the variant but has no edit form: its post is 403, as every viewer post (docs/approvals.md).
            var viewer = BrowserSession(client: client)
            _ = try await viewer.login(ServerFixture.viewer, password: ServerFixture.password)
            let viewerCSRF = try await viewer.get("/variants/hydra-launch/launch/lumiere-fr-x").csrf ?? ""
            #expect(!viewerCSRF.isEmpty)
            #expect(try await Self.count("Hi", account: "lumiere-fr-x", browser: &viewer, csrf: viewerCSRF).status == 403)
        }
    }

    @Test func theEditPageLoadsTheScriptAndServesItAndThePreviewStylesheet() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let page = try await browser.get("/variants/hydra-launch/launch/lumiere-fr-x")
            #expect(page.body.contains("data-count-url=\"/variants/hydra-launch/launch/lumiere-fr-x/count\""))
            #expect(page.body.contains("<script src=\"/static/editor.js\" defer></script>"))
            #expect(page.body.contains("<link rel=\"stylesheet\" href=\"/static/previews.css\">"))
            let script = try await browser.get("/static/editor.js")
            #expect(script.status == .ok && script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.body.contains("field.dataset.countUrl"))
            let css = try await browser.get("/static/previews.css")
            #expect(css.status == .ok && css.body.contains(".pv-x"))
        }
    }
}
