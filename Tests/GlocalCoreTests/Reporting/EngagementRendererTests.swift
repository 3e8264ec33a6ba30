import Foundation
import Testing

@testable import GlocalCore

/// The renderers show the fixture's hand-computed numbers, and the HTML page stands alone.
@Suite struct EngagementRendererTests {
    let report = EngagementReportBuilder().build(EngagementReportFixture.input())

    @Test func textShowsEachView() {
        let text = EngagementTextRenderer().render(report)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "Engagement report")
        #expect(lines.contains("  hydra     x         fr-FR   fr-x     2          2         40          20"))
        #expect(lines.contains("  news      x         fr-FR   fr-x     1          0         0           -"))
        #expect(lines.contains("  fr-x     2026-12-06   3      2            66.67%  OVER"))
        #expect(lines.contains("  france  3         2         24"))
        #expect(lines.contains("  x         5          4        10              120"))
        #expect(lines.contains("  hydra/teaser/fr-x  x        fr-FR   30          +0.39"))
        #expect(lines.contains("  fr-FR   3         15               -0.09"))
        // The weekday × hour heatmap, as in the CSV (x: Tuesday 10:00, 2 posts, mean 25), one grid per network.
        let heat = lines.firstIndex { $0.hasPrefix("Engagement by local weekday × hour") } ?? lines.count
        #expect(
            Array(lines[heat...].dropFirst(9).prefix(8)) == [
                "  x        10 11", "  Mon       ·  ·", "  Tue      25  ·", "  Wed       ·  ·", "  Thu       · 15",
                "  Fri       ·  ·", "  Sat       ·  ·", "  Sun       ·  ·",
            ])
        #expect(lines[heat...].dropFirst().first == "  linkedin 09")
    }

    @Test func csvHasOneBlockPerViewWithRawNumbers() {
        let csv = EngagementCSVRenderer().render(report)
        let blocks = csv.components(separatedBy: "\r\n\r\n")
        #expect(blocks.count == 8)  // the last one: learned timing
        #expect(
            blocks[0] == """
                section,campaign,network,locale,account,published,measured,engagement,mean_engagement\r
                engagement,hydra,linkedin,fr-FR,fr-li,1,1,5,5\r
                engagement,hydra,x,en-GB,uk-x,2,2,40,20\r
                engagement,hydra,x,fr-FR,fr-x,2,2,40,20\r
                engagement,news,x,fr-FR,fr-x,1,0,0,
                """)
        #expect(blocks[1].contains("promotional_share,uk-x,2026-12-13,3,2,0.666667,1"))
        #expect(blocks[3].contains("punctuality,x,5,4,10,120"))
        #expect(blocks[4].contains("heatmap,x,2,10,2,25"))
        #expect(EngagementCSVRenderer.field("a,\"b\"") == "\"a,\"\"b\"\"\"")
    }

    @Test func jsonRoundTripsTheReport() throws {
        let json = try EngagementJSONRenderer().render(report)
        let decoded = try JSONDecoder().decode(EngagementReport.self, from: Data(json.utf8))
        #expect(decoded == report)
        #expect(json.contains("\"medianDelaySeconds\" : 10"))
    }

    @Test func htmlIsOneSelfContainedFileWithInlineCharts() {
        let html = EngagementHTMLRenderer().render(report)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)  // x and linkedin heatmaps, locales
        for external in ["src=\"http", "href=\"http", "src='http", "href='http", "<script", "<link", "@import", "url("] {
            #expect(!html.contains(external))
        }
        #expect(html.contains("<td>hydra/teaser/fr-x</td>"))
        #expect(HTMLEscaping.escape("<b>&\"") == "&lt;b&gt;&amp;&quot;")
        #expect(EngagementHTMLRenderer().body(report).contains("Top variants"))
    }
}
