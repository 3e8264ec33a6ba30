import Foundation
import Testing

@testable import GlocalCore

/// `glocal plan --format json`: its diagnostics carry the same fields as `validate --format json`'s (docs/ci.md).
struct PlanJSONRendererTests {
    static func diagnostics(of plan: Plan) throws -> [[String: Any]] {
        let json = PlanJSONRenderer().render(plan)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(root["diagnostics"] as? [[String: Any]])
    }

    @Test func aVariantDiagnosticNamesItsSpanNetworkAndAccount() throws {
        let diagnostic = Diagnostic(
            .error, .scheduleUnplaceable, "x/lumiere-fr-x: no slot for post 'launch' of campaign 'hydra': every day is full",
            at: SourceLocation(file: "campaigns/hydra.yaml", line: 9, column: 9, length: 6), network: .x,
            account: "lumiere-fr-x")
        let entries = try Self.diagnostics(of: Plan(changes: [], diagnostics: [diagnostic]))
        let entry = try #require(entries.first)
        #expect(entry["rule"] as? String == "schedule.unplaceable")
        #expect(entry["file"] as? String == "campaigns/hydra.yaml")
        #expect(entry["line"] as? Int == 9)
        #expect(entry["column"] as? Int == 9)
        #expect(entry["endColumn"] as? Int == 15)
        #expect(entry["network"] as? String == "x")
        #expect(entry["account"] as? String == "lumiere-fr-x")
    }

    @Test func aDiagnosticWithoutPlaceOrVariantLeavesThoseFieldsOut() throws {
        let diagnostic = Diagnostic(.warning, .scheduleUnplaceable, "the whole plan", at: nil)
        let entry = try #require(try Self.diagnostics(of: Plan(changes: [], diagnostics: [diagnostic])).first)
        for key in ["file", "line", "column", "endColumn", "network", "account"] { #expect(entry[key] == nil, "\(key)") }
        #expect(entry["message"] as? String == "the whole plan")
    }
}
