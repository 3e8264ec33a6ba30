import ArgumentParser
import Foundation
import GlocalCore
import GlocalStore

/// `glocal approve ID...`: approves pending variants (for scripts).
struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve pending variants. Exit status 1 if any could not be approved (the others are).")

    @Argument(help: "Variant ids: campaign/post/account.")
    var ids: [String]

    @OptionGroup var options: WorkspaceOptions

    @Option(name: .customLong("as"), help: "Act as this user (their role and teams apply; recorded in the audit log).")
    var user: String?

    func validate() throws {
        if ids.isEmpty { throw ValidationError("name at least one variant id") }
    }

    func run() throws {
        let context = try ApprovalContext(options: options)
        let (actor, scope) = try context.actor(named: user)
        let now = try options.instant()
        var failed = 0
        for id in ids {
            do {
                try context.store.approve(id, actor: actor, now: now, permit: context.permit(for: scope, checkDeadline: true, now: now))
                print("approved \(id)")
            } catch let error as ApprovalError {
                failed += 1
                FileHandle.standardError.write(Data("glocal: \(error)\n".utf8))
            }
        }
        if failed > 0 { throw ExitCode(ExitStatus.failed) }
    }
}
