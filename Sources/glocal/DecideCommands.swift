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
        let context = try ApprovalContext(options: options)
        let (actor, scope) = try context.actor(named: user)
        let now = try options.instant()
        do {
            try context.store.reject(id, reason: reason, actor: actor, now: now, permit: context.permit(for: scope, checkDeadline: false, now: now))
            print("rejected \(id)")
        } catch let error as ApprovalError {
            FileHandle.standardError.write(Data("glocal: \(error)\n".utf8))
            throw ExitCode(ExitStatus.failed)
        }
    }
}

/// `glocal audit`: the append-only audit log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Print the audit log: who changed which variant, when, from which state to which, and why.")

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "Only this variant's events.")
    var variant: String?

    @Option(help: "Output format: text or json.")
    var format: PlanFormat = .text

    func run() throws {
        let context = try ApprovalContext(options: options)
        let events = try context.store.auditEvents(variant: variant)
        let stamp = ISO8601DateFormatter()
        switch format {
        case .text:
            for event in events {
                var line = "\(stamp.string(from: event.at))  \(event.actor)  \(event.action.rawValue)  \(event.variantID)"
                line += "  \(event.fromState?.rawValue ?? "-") -> \(event.toState?.rawValue ?? "-")"
                if let reason = event.reason { line += "  reason: \(reason)" }
                print(line)
            }
        case .json:
            let objects = events.map { event in
                "{\"id\":\(event.id),\"at\":\(JSONString.quote(stamp.string(from: event.at))),\"actor\":\(JSONString.quote(event.actor)),"
                    + "\"action\":\"\(event.action.rawValue)\",\"variant\":\(JSONString.quote(event.variantID)),"
                    + "\"from\":\(event.fromState.map { "\"\($0.rawValue)\"" } ?? "null"),\"to\":\(event.toState.map { "\"\($0.rawValue)\"" } ?? "null"),"
                    + "\"reason\":\(event.reason.map(JSONString.quote) ?? "null"),\"before\":\(event.before ?? "null"),\"after\":\(event.after ?? "null")}"
            }
            print("[" + objects.joined(separator: ",\n") + "]")
        }
    }
}
