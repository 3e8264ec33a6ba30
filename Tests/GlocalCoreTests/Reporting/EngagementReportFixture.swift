import Foundation

@testable import GlocalCore

/// Seven variants, two campaigns, three accounts, with every figure of the report worked out by hand
/// in `EngagementReportTests`.
enum EngagementReportFixture {
    static func utc(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    static func post(
        _ id: String, _ network: Network, _ locale: String, _ kind: PostKind, zone: String, slot: String, published: String?,
        engagement: Int?
    ) -> ReportPost {
        let parts = id.split(separator: "/").map(String.init)
        return ReportPost(
            variantID: id, campaignID: parts[0], accountID: parts[2], network: network, locale: locale, kind: kind,
            timeZone: zone,
            scheduledAt: utc(slot), publishedAt: published.map(utc), engagement: engagement)
    }

    static let posts: [ReportPost] = [
        // A: 30 s late, Tue 10:00 in Paris.
        post(
            "hydra/teaser/fr-x", .x, "fr-FR", .promotional, zone: "Europe/Paris", slot: "2026-12-01T09:00:00Z",
            published: "2026-12-01T09:00:30Z", engagement: 30),
        // B: 120 s late (not on time), Thu 11:00 in Paris.
        post(
            "hydra/launch/fr-x", .x, "fr-FR", .promotional, zone: "Europe/Paris", slot: "2026-12-03T10:00:00Z",
            published: "2026-12-03T10:02:00Z", engagement: 10),
        // C: on the minute, Tue 10:00 in London.
        post(
            "hydra/teaser/uk-x", .x, "en-GB", .promotional, zone: "Europe/London", slot: "2026-12-01T10:00:00Z",
            published: "2026-12-01T10:00:00Z", engagement: 20),
        // D: 10 s late, Thu 11:00 in London.
        post(
            "hydra/launch/uk-x", .x, "en-GB", .promotional, zone: "Europe/London", slot: "2026-12-03T11:00:00Z",
            published: "2026-12-03T11:00:10Z", engagement: 20),
        // E: out, never measured.
        post(
            "news/tip/fr-x", .x, "fr-FR", .informative, zone: "Europe/Paris", slot: "2026-12-02T09:00:00Z",
            published: "2026-12-02T09:00:00Z", engagement: nil),
        // F: not out yet (next week).
        post(
            "news/tip/uk-x", .x, "en-GB", .informative, zone: "Europe/London", slot: "2026-12-08T09:00:00Z", published: nil,
            engagement: nil),
        // G: LinkedIn, Tue 09:30 in Paris.
        post(
            "hydra/teaser/fr-li", .linkedin, "fr-FR", .promotional, zone: "Europe/Paris", slot: "2026-12-01T08:30:00Z",
            published: "2026-12-01T08:30:00Z", engagement: 5),
    ]

    static let approvals: [ApprovalRecord] = [
        ApprovalRecord(
            variantID: "hydra/teaser/fr-x", accountID: "fr-x", requestedAt: utc("2026-11-20T09:00:00Z"),
            approvedAt: utc("2026-11-20T11:00:00Z")),
        ApprovalRecord(
            variantID: "hydra/launch/fr-x", accountID: "fr-x", requestedAt: utc("2026-11-20T09:00:00Z"),
            approvedAt: utc("2026-11-21T09:00:00Z")),
        ApprovalRecord(
            variantID: "hydra/teaser/fr-li", accountID: "fr-li", requestedAt: utc("2026-11-20T09:00:00Z"),
            approvedAt: utc("2026-11-20T10:30:00Z")),
        ApprovalRecord(
            variantID: "hydra/teaser/uk-x", accountID: "uk-x", requestedAt: utc("2026-11-20T09:00:00Z"),
            approvedAt: utc("2026-11-20T13:00:00Z")),
    ]

    static func input(campaign: String? = nil) -> EngagementReportInput {
        EngagementReportInput(
            posts: posts, approvals: approvals, teams: [("france", ["fr-*"]), ("uk", ["uk-*"])], campaign: campaign, topCount: 3)
    }
}
