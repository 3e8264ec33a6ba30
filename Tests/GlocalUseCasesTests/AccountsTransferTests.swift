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

    /// How many entries accounts.yaml at `root` lists (counted from the file, not from the loader under test).
    static func entryCount(at root: URL) throws -> Int {
        try String(contentsOf: root.appendingPathComponent("accounts.yaml"), encoding: .utf8).split(separator: "\n")
            .filter { $0.hasPrefix("  - id: ") }.count
    }

    @Test func exportThenImportIntoAnEmptyWorkspaceGivesTheSameAccounts() throws {
        let root = try Self.workspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let original = try Self.accounts(at: root)
        let count = try Self.entryCount(at: root)
        #expect(count > 0 && original.count == count)
        #expect(original.contains { !$0.boards.isEmpty } && original.contains { $0.location != nil })
        let csv = try AccountsTransfer(root: root).exportCSV()
        try Data("accounts: []\n".utf8).write(to: root.appendingPathComponent("accounts.yaml"))
        let outcome = try AccountsTransfer(root: root).importCSV(csv, displayPath: "accounts.csv")
        #expect(outcome.errors == 0)
        #expect(outcome.wrote)
        #expect(outcome.merge?.added.count == count)
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
        #expect(same.merge?.unchanged.count == (try Self.entryCount(at: root)))
        #expect(!same.wrote)
        #expect(try String(contentsOf: accountsURL, encoding: .utf8) == before)

        let changed =
            csv.replacingOccurrences(
                of: "\"lumiere-global-linkedin\",\"linkedin\",\"lumiere-group\"",
                with: "\"lumiere-global-linkedin\",\"linkedin\",\"lumiere-groupe\"")
            + "\"lumiere-fr-lyon-threads\",\"threads\",\"lumiere.lyon\",\"fr-FR\",\"Europe/Paris\",\"lyon retail\",\"france\""
            + String(repeating: ",\"\"", count: AccountRecord.columns.count - 7) + "\r\n"
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

    @Test func pinterestGoogleBusinessAndTikTokRowsRoundTrip() throws {
        let root = try Self.workspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let transfer = AccountsTransfer(root: root)
        let header = AccountRecord.columns.joined(separator: ",")
        let csv = [
            header,
            "lumiere-shop-fr-nice-pinterest,pinterest,pharmacie-nice,fr-FR,Europe/Paris,shop pharmacy,,Nice,France,"
                + "lumiere-shop-fr-nice-pinterest,,,\"1022106146619306599:Soins d'hiver; 1022106146619306598:Hydra \\; Glow \\\\ Nice\",,",
            "lumiere-shop-fr-nice-gbp,google_business,\"Pharmacie du Port (Nice)\",fr-FR,,shop,,Nice,France,lumiere-shop-fr-nice-gbp,"
                + ",,,accounts/1098765432101234567/locations/4567890123456789099,",
            "lumiere-fr-nice-tiktok,tiktok,lumiere.nice,fr-FR,,,,Nice,,,,2200,,,true",
            "lumiere-shop-fr-lyon-pharmacie-pinterest,pinterest,pharmacie-bellecour-lyon,fr-FR,,,,,,,,,"
                + "\"1022106146619306501:Soins d'hiver;1022106146619306502:Hydra Glow;1022106146619306510:Noël\",,",
        ].joined(separator: "\n")
        let outcome = try transfer.importCSV(csv, displayPath: "shops.csv")
        #expect(outcome.errors == 0, "\(outcome.report)")
        #expect(outcome.merge?.added == ["lumiere-shop-fr-nice-pinterest", "lumiere-shop-fr-nice-gbp", "lumiere-fr-nice-tiktok"])
        #expect(outcome.merge?.updated.map(\.id) == ["lumiere-shop-fr-lyon-pharmacie-pinterest"])
        #expect(outcome.merge?.updated.first?.keys == ["boards"])

        let workspace = try #require(WorkspaceLoader(root: root).load().workspace)
        let account = { (id: String) in workspace.accounts.first { $0.id.value == id } }
        let pinterest = try #require(account("lumiere-shop-fr-nice-pinterest"))
        #expect(
            pinterest.boards == [
                PinterestBoard(id: "1022106146619306599", name: "Soins d'hiver"),
                PinterestBoard(id: "1022106146619306598", name: "Hydra ; Glow \\ Nice"),
            ])
        #expect(pinterest.city == "Nice" && pinterest.credentials == "lumiere-shop-fr-nice-pinterest")
        let business = try #require(account("lumiere-shop-fr-nice-gbp"))
        #expect(business.businessLocation?.value == "accounts/1098765432101234567/locations/4567890123456789099")
        let tiktok = try #require(account("lumiere-fr-nice-tiktok"))
        #expect(tiktok.unaudited && tiktok.maxCharacters == 2200 && tiktok.country == nil)
        #expect(
            account("lumiere-shop-fr-lyon-pharmacie-pinterest")?.boards.map(\.name) == ["Soins d'hiver", "Hydra Glow", "Noël"])

        // What export writes is what was imported, and importing it again changes nothing.
        let (read, problems) = AccountsCSVReader(path: "shops.csv", locales: ["fr-FR"], teams: [:]).read(csv)
        #expect(problems.isEmpty)
        let ids = Set(read.map(\.id))
        let exported = AccountsTransfer.records(of: workspace).filter { ids.contains($0.id) }
        let withoutTeams = { (records: [AccountRecord]) in
            records.map {
                var record = $0; record.teams = []; return record
            }
        }
        #expect(
            withoutTeams(exported).sorted { $0.id < $1.id }.filter { $0.id != "lumiere-shop-fr-lyon-pharmacie-pinterest" }
                == withoutTeams(read).sorted { $0.id < $1.id }.filter { $0.id != "lumiere-shop-fr-lyon-pharmacie-pinterest" })
        let export = try transfer.exportCSV()
        #expect(export.contains("\"1022106146619306599:Soins d'hiver;1022106146619306598:Hydra \\; Glow \\\\ Nice\""))
        let before = try String(contentsOf: root.appendingPathComponent("accounts.yaml"), encoding: .utf8)
        let again = try transfer.importCSV(export, displayPath: "accounts.csv")
        #expect(again.errors == 0 && !again.wrote && again.merge?.updated.isEmpty == true)
        #expect(try String(contentsOf: root.appendingPathComponent("accounts.yaml"), encoding: .utf8) == before)
    }

    @Test func aMalformedBoardsCellIsReportedAtItsEntryAndWritesNothing() throws {
        let root = try Self.workspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let accountsURL = root.appendingPathComponent("accounts.yaml")
        let before = try Data(contentsOf: accountsURL)
        let csv = """
            id,network,handle,locale,boards
            lumiere-shop-fr-nice-pinterest,pinterest,nice,fr-FR,"1022106146619306599:Soins;abc:Hydra;1022106146619306598"
            lumiere-shop-fr-nice-gbp,google_business,nice,fr-FR,1022106146619306597:Soins

            """
        let outcome = try AccountsTransfer(root: root).importCSV(csv, displayPath: "boards.csv")
        #expect(!outcome.wrote && outcome.merge == nil)
        #expect(outcome.errors == 4)
        let headlines = outcome.report.split(separator: "\n").filter { $0.hasPrefix("boards.csv:") }
        #expect(
            headlines == [
                "boards.csv:2:80: error[value.invalid]: board id 'abc' is not a Pinterest board id",
                "boards.csv:2:90: error[value.invalid]: board '1022106146619306598' has no ':' between its id and its name",
                "boards.csv:3:26: error[key.missing]: new Google Business Profile account 'lumiere-shop-fr-nice-gbp' has no location",
                "boards.csv:3:53: error[value.invalid]: 'boards' is only for Pinterest accounts, this one is on Google Business Profile",
            ])
        #expect(try Data(contentsOf: accountsURL) == before)
    }
}
