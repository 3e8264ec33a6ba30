import Foundation
import Testing

@testable import GlocalCore

@Suite("Rendering: SARIF")
struct SARIFRenderingTests {
    private func parseRun(_ output: String) throws -> (root: [String: Any], run: [String: Any]) {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let runs = try #require(root["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return (root, try #require(runs.first))
    }

    @Test func logStructure() throws {
        let output = SARIFRenderer(toolVersion: "1.2.3").render(RenderingFixtures.report)
        #expect(output.hasSuffix("}\n"))
        #expect(!output.contains("\\/"))
        let (root, run) = try parseRun(output)
        #expect(root["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(root["version"] as? String == "2.1.0")
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        #expect(run["originalUriBaseIds"] == nil)

        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "glocal")
        #expect(driver["version"] as? String == "1.2.3")
        #expect(driver["informationUri"] as? String == "https://github.com/glocal-dev/glocal")

        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids == ["file.missing", "network.unknown", "string.fallback", "text.too-long", "value.invalid"])
        #expect(
            rules.compactMap { $0["name"] as? String } == [
                "FileMissing", "NetworkUnknown", "StringFallback", "TextTooLong", "ValueInvalid",
            ])
        for rule in rules {
            let id = try #require(rule["id"] as? String)
            #expect((rule["shortDescription"] as? [String: String])?["text"] == DiagnosticRule.named(id)?.summary)
        }
        #expect(
            rules.compactMap { ($0["defaultConfiguration"] as? [String: String])?["level"] } == [
                "error", "error", "note", "warning", "warning",
            ])

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 5)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ids.indices.contains(index))
            #expect(ids[index] == result["ruleId"] as? String)
        }
        #expect(results.compactMap { $0["level"] as? String } == ["error", "warning", "error", "warning", "note"])

        // No location: no "locations" key at all; notes as extra lines.
        #expect(results[0]["locations"] == nil)
        #expect((results[0]["message"] as? [String: String])?["text"] == "teams.yaml is missing\nnote: create it")

        let unknown = results[2]
        #expect(
            (unknown["message"] as? [String: String])?["text"] == "unknown network 'mastadon'\nnote: did you mean 'mastodon'?")
        #expect(unknown["properties"] == nil)
        let locations = try #require(unknown["locations"] as? [[String: Any]])
        #expect(locations.count == 1)
        let physical = try #require(locations[0]["physicalLocation"] as? [String: Any])
        #expect(physical["artifactLocation"] as? [String: String] == ["uri": "campaigns/hydra.yaml", "uriBaseId": "%SRCROOT%"])
        #expect(physical["region"] as? [String: Int] == ["startLine": 12, "startColumn": 16, "endColumn": 24])

        let variant = results[3]
        #expect(variant["ruleId"] as? String == "text.too-long")
        #expect(variant["properties"] as? [String: String] == ["network": "x", "account": "acme-jp"])
    }

    @Test func sourceRootBecomesOriginalUriBaseId() throws {
        let report = ValidationReport(diagnostics: [], statistics: WorkspaceStatistics())
        let (_, run) = try parseRun(SARIFRenderer(toolVersion: "1", sourceRoot: "/home/ci/my repo").render(report))
        let base = try #require(run["originalUriBaseIds"] as? [String: [String: String]])
        #expect(base == ["%SRCROOT%": ["uri": "file:///home/ci/my%20repo/"]])
        #expect((run["results"] as? [Any])?.isEmpty == true)
        let rules = (run["tool"] as? [String: Any]).flatMap { $0["driver"] as? [String: Any] }?["rules"] as? [Any]
        #expect(rules?.isEmpty == true)

        let (_, slashed) = try parseRun(SARIFRenderer(toolVersion: "1", sourceRoot: "/ws/").render(report))
        #expect((slashed["originalUriBaseIds"] as? [String: [String: String]])?["%SRCROOT%"]?["uri"] == "file:///ws/")
        let (_, relative) = try parseRun(SARIFRenderer(toolVersion: "1", sourceRoot: "ws").render(report))
        #expect(relative["originalUriBaseIds"] == nil)
    }

    @Test func rulesLevelsAndFallbacks() throws {
        let custom = DiagnosticRule("custom.rule-x", "not in the table")
        let report = ValidationReport(
            diagnostics: [
                Diagnostic(.warning, .hashtagStyle, "a", at: SourceLocation(file: "b.yaml", line: 1, column: 1)),
                Diagnostic(.error, .hashtagStyle, "b", at: SourceLocation(file: "b.yaml", line: 2, column: 3, length: 4)),
                Diagnostic(.note, custom, "c", at: SourceLocation(file: "locales/日本 #1.yaml", line: 1, column: 1)),
            ], statistics: WorkspaceStatistics())
        let (_, run) = try parseRun(SARIFRenderer(toolVersion: "1", informationURI: "https://example.com").render(report))
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["informationUri"] as? String == "https://example.com")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == ["custom.rule-x", "hashtag.style"])
        #expect(rules[0]["name"] as? String == "CustomRuleX")
        #expect((rules[0]["shortDescription"] as? [String: String])?["text"] == "custom.rule-x")
        #expect((rules[1]["defaultConfiguration"] as? [String: String])?["level"] == "error")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.compactMap { $0["ruleIndex"] as? Int } == [1, 1, 0])
        let uri = ((results[2]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            .flatMap { $0["artifactLocation"] as? [String: String] }?["uri"]
        #expect(uri == "locales/%E6%97%A5%E6%9C%AC%20%231.yaml")
    }

    @Test func pascalCaseNames() {
        #expect(SARIFRenderer.pascalCase("template.unknown-variable") == "TemplateUnknownVariable")
        #expect(SARIFRenderer.pascalCase("policy.promotional-share") == "PolicyPromotionalShare")
        #expect(SARIFRenderer.pascalCase("x.duplicate-text") == "XDuplicateText")
    }
}
