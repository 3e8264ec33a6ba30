import Foundation
import Testing

/// Every command that needs the workspace or the store says the same thing when it cannot have them
/// (one vocabulary, `UseCaseError`), with exit status 2 and nothing written.
struct StoreOpeningCommandTests {
    static let needStore: [[String]] = [
        ["dispatch", "--once"], ["report"], ["collect-metrics"], ["pending"], ["audit"], ["approve", "a/b/c@12345678"],
        ["reject", "a/b/c", "--reason", "no"], ["user", "list"],
    ]

    @Test func everyCommandThatReadsTheStoreAsksForAnApplyFirst() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        for arguments in Self.needStore {
            let (status, output, error) = try GlocalProcess.run(arguments, in: workspace.root)
            #expect(status == 2, "\(arguments)")
            #expect(output.isEmpty, "\(arguments): \(output)")
            #expect(error.hasPrefix("glocal: error: no store at "), "\(arguments): \(error)")
            #expect(error.hasSuffix("/.glocal/glocal.sqlite: run `glocal apply` first\n"), "\(arguments): \(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent(".glocal/glocal.sqlite").path))
    }

    @Test func everyCommandThatLoadsTheWorkspaceSaysSoTheSameWay() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try Data("workspace: [unclosed\n".utf8).write(to: workspace.root.appendingPathComponent("glocal.yaml"))
        let commands: [[String]] = [
            ["dispatch", "--once"], ["account", "list"], ["pending"], ["serve", "--port", "0"], ["run", "--no-web"],
        ]
        for arguments in commands {
            let (status, _, error) = try GlocalProcess.run(arguments, in: workspace.root)
            #expect(status == 2, "\(arguments)")
            #expect(error.hasPrefix("glocal: error: cannot read the workspace at "), "\(arguments): \(error)")
            #expect(error.hasSuffix("; run glocal validate\n"), "\(arguments): \(error)")
        }
    }
}
