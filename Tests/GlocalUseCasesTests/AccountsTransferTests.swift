import Foundation
import GlocalCore
import GlocalUseCases
import GlocalYAML
import Testing

/// `glocal accounts export` and `import`: a round trip, a merge that keeps comments, and a bad row that writes nothing.
struct AccountsTransferTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A copy of the example workspace's glocal.yaml, accounts.yaml and locales.
    static func workspaceCopy() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-accounts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in ["glocal.yaml", "accounts.yaml", "locales"] {
            try FileManager.default.copyItem(
                at: repositoryRoot.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        return directory
    }

    static func accounts(at root: URL) throws -> [AccountRecord] {
        AccountsTransfer.records(of: try #require(WorkspaceLoader(root: root).load().workspace))
    }

    @Test func exportThenImportIntoAnEmptyWorkspaceGivesTheSameAccounts() throws {
        let root = try Self.workspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let original = try Self.accounts(at: root)
        #expect(original.count == 120)
        let csv = try AccountsTransfer(root: root).exportCSV()
        try Data("accounts: []\n".utf8).write(to: root.appendingPathComponent("accounts.yaml"))
        let outcome = try AccountsTransfer(root: root).importCSV(csv, displayPath: "accounts.csv")
        #expect(outcome.errors == 0)
        #expect(outcome.wrote)
        #expect(outcome.merge?.added.count == 120)
        #expect(try Self.accounts(at: root) == original)
        #expect(try AccountsTransfer(root: root).exportCSV() == csv)
    }

    @Test func mergingKeepsCommentsAndKeysTheCSVDoesNotHave() throws {
        let root = try Self.workspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let accountsURL = root.appendingPathComponent("accounts.yaml")
        let before = try String(contentsOf: accountsURL, encoding: .utf8)
        let transfer = AccountsTransfer(root: root)
        let csv = try transfer.exportCSV()
        let same = try transfer.importCSV(csv, displayPath: "accounts.csv")
        #expect(same.merge?.unchanged.count == 120)
        #expect(!same.wrote)
        #expect(try String(contentsOf: accountsURL, encoding: .utf8) == before)

        let changed =
            csv.replacingOccurrences(
                of: "\"lumiere-global-linkedin\",\"linkedin\",\"lumiere-group\"",
                with: "\"lumiere-global-linkedin\",\"linkedin\",\"lumiere-groupe\"")
            + "\"lumiere-fr-lyon-threads\",\"threads\",\"lumiere.lyon\",\"fr-FR\",\"Europe/Paris\",\"lyon retail\",\"france\"\r\n"
        let outcome = try transfer.importCSV(changed, displayPath: "accounts.csv")
        #expect(outcome.errors == 0)
        #expect(outcome.merge?.added == ["lumiere-fr-lyon-threads"])
        #expect(outcome.merge?.updated.map(\.id) == ["lumiere-global-linkedin"])
        #expect(outcome.merge?.updated.first?.keys == ["handle"])
        let after = try String(contentsOf: accountsURL, encoding: .utf8)
        let comments = { (text: String) in
            text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        }
        #expect(comments(after) == comments(before))
        let changedLines = zip(before.split(separator: "\n"), after.split(separator: "\n")).filter { $0 != $1 }
        #expect(changedLines.map(\.1) == ["    handle: \"lumiere-groupe\""])
        let workspace = try #require(WorkspaceLoader(root: root).load().workspace)
        let linkedin = try #require(workspace.accounts.first { $0.id.value == "lumiere-global-linkedin" })
        #expect(linkedin.handle == "lumiere-groupe")
        #expect(linkedin.city == "Paris" && linkedin.credentials == "lumiere-global-linkedin")
        let lyon = try #require(workspace.accounts.first { $0.id.value == "lumiere-fr-lyon-threads" })
        #expect(
            lyon.network == .threads && lyon.tags.map(\.value) == ["lyon", "retail"] && lyon.timeZone?.value == "Europe/Paris")
    }

    @Test func aBadRowWritesNothingAndIsReportedByLineAndColumn() throws {
        let root = try Self.workspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let accountsURL = root.appendingPathComponent("accounts.yaml")
        let before = try Data(contentsOf: accountsURL)
        let csv =
            "id,network,handle,locale,timezone\nlumiere-fr-new-x,x,NewFR,fr-FR,Europe/Paris\nlumiere-fr-bad,x,Bad,fr-FR,Europe/Pariss\n"
        let outcome = try AccountsTransfer(root: root).importCSV(csv, displayPath: "new.csv")
        #expect(outcome.merge == nil)
        #expect(!outcome.wrote)
        #expect(outcome.errors == 1)
        #expect(outcome.report.hasPrefix("new.csv:3:28: error[timezone.unknown]: 'Europe/Pariss' is not an IANA time zone"))
        #expect(outcome.report.contains("^~~~~~~~~~~~"))
        #expect(try Data(contentsOf: accountsURL) == before)
    }
}
