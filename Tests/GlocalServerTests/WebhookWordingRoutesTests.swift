import Foundation
import GlocalCore
import GlocalStore
import Hummingbird
import HummingbirdTesting
import Testing

/// A post of a network without a native client (YouTube, TikTok) only reached the webhook stand-in:
/// every page of the web UI says "sent to webhook" for it, never "published"; a native network's
/// post still reads "published".
struct WebhookWordingRoutesTests {
    static let youtube = ServerFixture.variant(account: "lumiere-fr-youtube", network: .youtube)

    /// A variant's page (its id has no character to escape).
    static func path(_ variant: StoredVariant) -> String { "/variants/\(variant.id)" }

    /// A fixture whose X and YouTube variants went all the way to `published`.
    static func publishedFixture() throws -> ServerFixture {
        let fixture = try ServerFixture(variants: ServerFixture.defaultVariants + [youtube])
        for id in [ServerFixture.frX.id, youtube.id] {
            for state in [VariantState.approved, .scheduled, .publishing, .published] {
                try fixture.store.setState(id, to: state, actor: "test", now: ServerFixture.start)
            }
        }
        return fixture
    }

    @Test func theVariantPageAndItsHistorySaySentToWebhook() async throws {
        try await Self.publishedFixture().test { client in
            var admin = BrowserSession(client: client)
            _ = try await admin.login(ServerFixture.admin, password: ServerFixture.password)
            let page = try await admin.get(Self.path(Self.youtube)).body
            #expect(page.contains("id=\"state\">sent to webhook</span>"))
            #expect(page.contains("publishing → sent to webhook"))
            #expect(!page.contains("→ published") && !page.contains(">published<"))
            let native = try await admin.get(Self.path(ServerFixture.frX)).body
            #expect(native.contains("id=\"state\">published</span>"))
        }
    }

    @Test func theCampaignPageCountsThemApartAndLabelsTheirCell() async throws {
        try await Self.publishedFixture().test { client in
            var admin = BrowserSession(client: client)
            _ = try await admin.login(ServerFixture.admin, password: ServerFixture.password)
            let page = try await admin.get("/campaigns/hydra-launch").body
            #expect(page.contains("<li>published: <strong class=\"progress\">1</strong></li>"))
            #expect(page.contains("<li>sent to webhook: <strong class=\"progress\">1</strong></li>"))
            let cell = try #require(page.components(separatedBy: "href=\"\(Self.path(Self.youtube))\">").dropFirst().first)
            #expect(cell.hasPrefix("sent to webhook</a>"))
        }
    }

    @Test func theCalendarAndTheAuditLogSaySentToWebhook() async throws {
        try await Self.publishedFixture().test { client in
            var admin = BrowserSession(client: client)
            _ = try await admin.login(ServerFixture.admin, password: ServerFixture.password)
            let calendar = try await admin.get("/calendar?account=lumiere-fr-youtube&view=month&date=2026-12-01").body
            // The posts of the grid (the legend lists every state, "published" included, and links to no variant).
            let posts = calendar.components(separatedBy: "<li class=\"cal-post").filter { $0.contains("href=\"/variants/") }
            #expect(posts.count == 1)
            #expect(posts.allSatisfy { $0.contains(">sent to webhook</span>") && !$0.contains(">published</span>") })
            let audit = try await admin.get("/audit").body
            let rows = audit.components(separatedBy: "<tr>").filter { $0.contains("publishing →") }
            #expect(rows.count == 2)
            #expect(rows.filter { $0.contains(Self.youtube.id) }.allSatisfy { $0.contains("publishing → sent to webhook") })
            #expect(rows.filter { $0.contains(ServerFixture.frX.id) }.allSatisfy { $0.contains("publishing → published") })
        }
    }
}
