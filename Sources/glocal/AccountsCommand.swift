import ArgumentParser
import Foundation
import GlocalUseCases

/// `glocal accounts`: accounts.yaml in bulk, as CSV.
struct AccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts", abstract: "Import accounts from CSV into accounts.yaml, or export them as CSV.",
        subcommands: [AccountsImportCommand.self, AccountsExportCommand.self])
}

/// `glocal accounts import FILE.csv`.
struct AccountsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Check every row of a CSV (id,network,handle,locale and optional columns) and merge it into accounts.yaml.",
        discussion: """
            Errors name FILE.csv:LINE:COL and a rule id, like the compiler's; nothing is written when any row is bad \
            (exit 1), nor when accounts.yaml is there but cannot be read (not UTF-8, not a regular file, a link leading \
            outside the workspace: exit 1); only a missing accounts.yaml is created, and one that is a link inside the \
            workspace is written through (the link stays). Optional columns: timezone, tags, team, city, country, \
            credentials, instance, max_characters, boards (ID:NAME;ID:NAME, \\; for a ; in a name), location, unaudited. \
            Merging keeps accounts.yaml's comments, order, the accounts the CSV does not list and the keys its rows leave \
            empty; a changed field is rewritten on its own line, new accounts are appended. Empty cells change nothing. \
            `team` is checked against glocal.yaml's teams (it is not written).
            """)

    @Option(name: .customLong("workspace"), help: "The workspace directory (default: the current one or its nearest parent).")
    var workspacePath: String?

    @Flag(help: "Check and say what would change, without writing.")
    var dryRun = false

    @Argument(help: "The CSV file.")
    var file: String

    func run() throws {
        let access = try WorkspaceAccess(
            workspacePath: workspacePath, database: nil,
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure(message: "cannot read \(file)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure(message: "\(file) is not UTF-8 text: save it as CSV UTF-8")
        }
        let outcome = try AccountsTransfer(root: access.root).importCSV(text, displayPath: file, dryRun: dryRun)
        guard let merge = outcome.merge else {
            FileHandle.standardOutput.write(Data(outcome.report.utf8))
            print("\(outcome.errors) error\(outcome.errors == 1 ? "" : "s"): accounts.yaml was not changed")
            throw ExitCode(ExitStatus.failed)
        }
        for id in merge.added { print("  added    \(id)") }
        for change in merge.updated { print("  updated  \(change.id): \(change.keys.joined(separator: ", "))") }
        let changes = !merge.added.isEmpty || !merge.updated.isEmpty
        let verb = dryRun ? (changes ? "would change" : "would not change") : (outcome.wrote ? "changed" : "left unchanged")
        print(
            "accounts.yaml \(verb): \(merge.added.count) added, \(merge.updated.count) updated, "
                + "\(merge.unchanged.count) already as in \(file)"
        )
    }
}

/// `glocal accounts export`.
struct AccountsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write accounts.yaml's accounts as CSV (RFC 4180; cells a spreadsheet would run as formulas are defused).",
        discussion: """
            Every account or nothing: when accounts.yaml is missing, cannot be read or has an error (or holds an account \
            that cannot be written), the errors go to standard error, no CSV is written and the exit status is 1.
            """)

    @Option(name: .customLong("workspace"), help: "The workspace directory (default: the current one or its nearest parent).")
    var workspacePath: String?

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let access = try WorkspaceAccess(
            workspacePath: workspacePath, database: nil,
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let csv: String
        do {
            csv = try AccountsTransfer(root: access.root).exportCSV()
        } catch let refusal as AccountsTransfer.ExportRefusal {
            // Standard output is the CSV's, so the errors go to standard error, and no CSV is written at all.
            let summary = "\(refusal.errors) error\(refusal.errors == 1 ? "" : "s") in accounts.yaml: nothing was exported\n"
            FileHandle.standardError.write(Data((refusal.report + summary).utf8))
            throw ExitCode(ExitStatus.failed)
        }
        if let output {
            try Data(csv.utf8).write(to: URL(fileURLWithPath: output))
        } else {
            FileHandle.standardOutput.write(Data(csv.utf8))
        }
    }
}
