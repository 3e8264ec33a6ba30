import Foundation
import Testing

@testable import GlocalCore

@Suite("Rendering: JSON")
struct JSONRenderingTests {
    private func parse(_ output: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func documentShape() throws {
        let output = JSONDiagnosticRenderer().render(RenderingFixtures.report)
        #expect(output.hasSuffix("}\n"))
        #expect(!output.contains("\\/"))
        let root = try parse(output)
        #expect(Set(root.keys) == ["version", "summary", "diagnostics"])
        #expect(root["version"] as? Int == 1)

        let summary = try #require(root["summary"] as? [String: Int])
        #expect(
            summary == [
                "errors": 2, "warnings": 2, "notes": 1, "files": 4, "accounts": 1, "locales": 1,
                "campaigns": 1, "posts": 2, "variants": 12,
            ])

        let diagnostics = try #require(root["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 5)

        // No location: file/line/column/endColumn absent, not null; notes present.
        let missing = diagnostics[0]
        #expect(Set(missing.keys) == ["severity", "rule", "message", "notes"])
        #expect(missing["severity"] as? String == "error")
        #expect(missing["rule"] as? String == "file.missing")
        #expect(missing["message"] as? String == "teams.yaml is missing")
        #expect(missing["notes"] as? [String] == ["create it"])

        let unknown = diagnostics[2]
        #expect(Set(unknown.keys) == ["severity", "rule", "message", "notes", "file", "line", "column", "endColumn"])
        #expect(unknown["file"] as? String == "campaigns/hydra.yaml")
        #expect(unknown["line"] as? Int == 12)
        #expect(unknown["column"] as? Int == 16)
        #expect(unknown["endColumn"] as? Int == 24)
        #expect(unknown["notes"] as? [String] == ["did you mean 'mastodon'?"])

        let variant = diagnostics[3]
        #expect(variant["severity"] as? String == "warning")
        #expect(variant["rule"] as? String == "text.too-long")
        #expect(variant["message"] as? String == "[x @acme-jp] text is 300 characters; X allows 280")
        #expect(variant["network"] as? String == "x")
        #expect(variant["account"] as? String == "acme-jp")
        #expect(variant["endColumn"] as? Int == 41)
        #expect(variant["notes"] as? [String] == [])

        let note = diagnostics[4]
        #expect(note["severity"] as? String == "note")
        #expect(note["file"] as? String == "locales/ja.yaml")
        #expect(note["network"] == nil && note["account"] == nil)
    }

    @Test func keysAreSortedAndPrettyPrinted() {
        let output = JSONDiagnosticRenderer().render(RenderingFixtures.report)
        let positions = ["\"diagnostics\"", "\"summary\"", "\"version\""].map { output.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(output.split(separator: "\n").count > 20)
        let entry = String(output[output.range(of: "\"account\"")!.lowerBound...])
        #expect(entry.range(of: "\"column\"")!.lowerBound < entry.range(of: "\"file\"")!.lowerBound)
    }

    @Test func emptyReportAndSpecialCharacters() throws {
        let report = ValidationReport(
            diagnostics: [
                Diagnostic(
                    .error, .linkInvalid, "\"https:/x\" is not\na URL — 日本",
                    at: SourceLocation(file: "a/b c.yaml", line: 1, column: 1))
            ], statistics: WorkspaceStatistics())
        let root = try parse(JSONDiagnosticRenderer().render(report))
        let entry = try #require((root["diagnostics"] as? [[String: Any]])?.first)
        #expect(entry["message"] as? String == "\"https:/x\" is not\na URL — 日本")
        #expect(entry["file"] as? String == "a/b c.yaml")
        #expect(entry["endColumn"] as? Int == 2)

        let empty = try parse(
            JSONDiagnosticRenderer().render(ValidationReport(diagnostics: [], statistics: WorkspaceStatistics())))
        #expect((empty["diagnostics"] as? [Any])?.isEmpty == true)
        #expect((empty["summary"] as? [String: Int])?["errors"] == 0)
    }
}
