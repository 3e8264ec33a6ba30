import ArgumentParser
import Foundation
import GlocalCore
import GlocalStore
import GlocalUseCases

/// `glocal reject ID --reason TEXT`: rejects a pending variant.
struct RejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject a pending variant, with a reason.")

    @Argument(help: "The variant id: campaign/post/account.")
    var id: String

    @Option(help: "Why (recorded in the audit log).")
    var reason: String

    @OptionGroup var options: WorkspaceOptions

    @Option(name: .customLong("as"), help: "Act as this user (their role and teams apply; recorded in the audit log).")
    var user: String?

    func validate() throws {
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--reason must not be empty") }
    }

    func run() throws {
        let approvals = try VariantApprovals(access: options.access())
        let actor = try approvals.actor(named: user, environment: ProcessInfo.processInfo.environment)
        let now = try options.instant()
        do {
            try approvals.reject(id, reason: reason, by: actor, now: now)
            print("rejected \(id)")
        } catch let error as ApprovalError {
            FileHandle.standardError.write(Data("glocal: \(error)\n".utf8))
            throw ExitCode(ExitStatus.failed)
        }
    }
}
