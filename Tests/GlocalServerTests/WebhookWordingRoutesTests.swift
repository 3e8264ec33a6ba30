import Foundation
import GlocalCore
import GlocalStore
import Hummingbird
import HummingbirdTesting
import Testing

/// YouTube and TikTok publish natively now (issue 15): every page of the web UI says "published" for a YouTube
/// post, as for X's, and "sent to webhook" appears nowhere (no network of glocal is delivered by webhook only).
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

    @Test func theVariantPageAndItsHistorySayPublished() async throws {
        try await Self.publishedFixture().test { client in
            var admin = BrowserSession(client: client)
            _ = try await admin.login(ServerFixture.admin, password: ServerFixture.password)
            let page = try await admin.get(Self.path(Self.youtube)).body
            #expect(page.contains("id=\"state\">published</span>"))
            #expect(page.contains("publishing → published"))
            #expect(!page.contains("sent to webhook"))
            let native = try await admin.get(Self.path(ServerFixture.frX)).body
            #expect(native.contains("id=\"state\">published</span>"))
        }
    }

    @Test func theCampaignPageCountsThemTogetherAndLabelsTheirCell() async throws {
        try await Self.publishedFixture().test { client in
            var admin = BrowserSession(client: client)
            _ = try await admin.login(ServerFixture.admin, password: ServerFixture.password)
            let page = try await admin.get("/campaigns/hydra-launch").body
            #expect(page.contains("<li>published: <strong class=\"progress\">2</strong></li>"))
            #expect(!page.contains("sent to webhook"))
            let cell = try #require(page.components(separatedBy: "href=\"\(Self.path(Self.youtube))\">").dropFirst().first)
            #expect(cell.hasPrefix("published</a>"))
        }
    }

    @Test func theCalendarAndTheAuditLogSayPublished() async throws {
        try await Self.publishedFixture().test { client in
            var admin = BrowserSession(client: client)
            _ = try await admin.login(ServerFixture.admin, password: ServerFixture.password)
            let calendar = try await admin.get("/calendar?account=lumiere-fr-youtube&view=month&date=2026-12-01").body
            // The posts of the grid (the legend lists every state, "published" included, and links to no variant).
            let posts = calendar.components(separatedBy: "<li class=\"cal-post").filter { $0.contains("href=\"/variants/") }
            #expect(posts.count == 1)
            #expect(posts.allSatisfy { $0.contains(">published</span>") && !$0.contains("sent to webhook") })
            let audit = try await admin.get("/audit").body
            let rows = audit.components(separatedBy: "<tr>").filter { $0.contains("publishing →") }
            #expect(rows.count == 2)
            #expect(rows.filter { $0.contains(Self.youtube.id) }.allSatisfy { $0.contains("publishing → published") })
            #expect(rows.filter { $0.contains(ServerFixture.frX.id) }.allSatisfy { $0.contains("publishing → published") })
        }
    }
}
