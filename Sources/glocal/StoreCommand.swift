import ArgumentParser
import Foundation
import GlocalUseCases

/// `glocal store`: backups of the SQLite store, and its move to PostgreSQL.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Back the store up online, restore a backup, or move the store to PostgreSQL.",
        subcommands: [StoreBackupCommand.self, StoreRestoreCommand.self, StoreMigrateCommand.self])
}

/// `glocal store backup PATH`.
struct StoreBackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store to a new file, consistently, while the server keeps running (SQLite's online backup).",
        discussion: """
            The copy is one snapshot even while glocal run writes. It is checked (integrity_check) before the command \
            reports success. The secret key (secret.key beside the store, or GLOCAL_SECRET_KEY) is not in the backup: \
            keep it separately, or the sealed account credentials of a restored store cannot be opened.
            """)

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "The backup file to create (it must not exist).")
    var path: String

    func run() throws {
        let access = try options.access()
        do {
            let summary = try StoreBackup(databasePath: access.databasePath).backup(to: path)
            print(
                "glocal: backed up \(access.databasePath) to \(summary.path) (\(summary.bytes) bytes, "
                    + "schema of \(summary.migrations) migrations, integrity ok)"
            )
        } catch let error as StoreBackupError {
            throw CommandFailure(message: error.message)
        }
    }
}

/// `glocal store restore PATH`.
struct StoreRestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the store with a backup (refused while glocal serve or glocal run holds the store).",
        discussion: """
            The backup must pass SQLite's integrity_check and carry a schema this glocal knows (an older one is migrated \
            on next start). The current store is kept beside it as <store>.before-restore-<time>.
            """)

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "The backup file.")
    var path: String

    func run() throws {
        let access = try options.access()
        do {
            let kept = try StoreBackup(databasePath: access.databasePath).restore(from: path, now: options.instant())
            print(
                "glocal: restored \(access.databasePath) from \(path)"
                    + (kept.map { " (the previous store is kept as \($0))" } ?? ""))
        } catch let error as StoreBackupError {
            throw CommandFailure(message: error.message)
        }
    }
}
