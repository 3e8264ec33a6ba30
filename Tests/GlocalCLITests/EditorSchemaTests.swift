import Foundation
import GlocalCore
import GlocalYAML
import Testing

/// The editor schemas in `schema/` (docs/campaign-format.md, "Editor completion") underline nothing in a workspace
/// that `glocal validate` accepts: the example workspace's own values fit them.
@Suite struct EditorSchemaTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `accounts.schema.json`'s `handle` pattern, if it has one.
    static func handlePattern() throws -> String? {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("schema/accounts.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let accounts = try #require((schema["properties"] as? [String: Any])?["accounts"] as? [String: Any])
        let item = try #require(accounts["items"] as? [String: Any])
        let handle = try #require((item["properties"] as? [String: Any])?["handle"] as? [String: Any])
        return handle["pattern"] as? String
    }

    @Test func everyExampleHandleFitsTheAccountsSchema() throws {
        let loaded = WorkspaceLoader(root: Self.repositoryRoot).load()
        let workspace = try #require(loaded.workspace)
        #expect(workspace.accounts.count == 140)
        // Google Business Profile handles are the location's name, with spaces: "Pharmacie Bellecour (Lyon)".
        #expect(workspace.accounts.contains { $0.network == .googleBusiness && $0.handle.contains(" ") })
        guard let pattern = try Self.handlePattern() else { return }
        let expression = try NSRegularExpression(pattern: pattern)
        for account in workspace.accounts {
            let range = NSRange(account.handle.startIndex..., in: account.handle)
            #expect(
                expression.firstMatch(in: account.handle, range: range) != nil,
                "\(account.id.value): handle '\(account.handle)' does not fit the schema's pattern \(pattern)")
        }
    }

    @Test func timingTakesEveryNetwork() throws {
        let data = try Data(contentsOf: Self.repositoryRoot.appendingPathComponent("schema/glocal.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let timing = try #require((schema["properties"] as? [String: Any])?["timing"] as? [String: Any])
        let networks = try #require((timing["properties"] as? [String: Any])?["networks"] as? [String: Any])
        let keys = Set(try #require(networks["properties"] as? [String: Any]).keys)
        #expect(keys == Set(Network.allCases.map(\.rawValue)), "timing.networks in glocal.schema.json: \(keys.sorted())")
    }

    @Test func aBlankHandleStillDoesNotFit() throws {
        let pattern = try #require(try Self.handlePattern(), "the schema should still refuse a blank handle")
        let expression = try NSRegularExpression(pattern: pattern)
        for blank in [" ", "\t", "  "] {
            let range = NSRange(blank.startIndex..., in: blank)
            #expect(expression.firstMatch(in: blank, range: range) == nil, "'\(blank)' fits \(pattern)")
        }
    }
}
