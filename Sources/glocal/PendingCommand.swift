import ArgumentParser
import Foundation
import GlocalCore
import GlocalStore
import GlocalUseCases

/// `glocal pending`: the variants waiting for approval, with their deadlines.
struct PendingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pending",
        abstract: "List the variants waiting for approval as ID@REVISION (what glocal approve takes), with their deadlines.")

    @OptionGroup var options: WorkspaceOptions

    @Option(name: .customLong("as"), help: "Only what this user may see (a manager: their teams' accounts).")
    var user: String?

    @Option(help: "Output format: text or json.")
    var format: PlanFormat = .text

    func run() throws {
        let approvals = try VariantApprovals(access: options.access())
        let scope = try approvals.actor(named: user, environment: ProcessInfo.processInfo.environment).scope
        let now = try options.instant()
        let pending = try approvals.store.variants(in: .pendingApproval, visible: scope.canSee(account:))
        var lines: [String] = []
        var objects: [String] = []
        for variant in pending {
            let policy = approvals.policy(of: variant.campaignID)
            let status = policy.status(of: variant, now: now)
            let slot = variant.scheduledAt.map { ISO8601DateFormatter().string(from: $0) } ?? "live"
            var deadline = "none"
            var note = ""
            switch status {
            case .open(let due): deadline = ISO8601DateFormatter().string(from: due)
            case .missed(let due):
                deadline = ISO8601DateFormatter().string(from: due)
                note = status.explanation(policy: policy) ?? ""
            case .notApplicable: break
            }
            lines.append(
                "\(variant.id)@\(variant.contentHash)  slot \(slot)  approve by \(deadline)"
                    + (note.isEmpty ? "" : "  PAST DEADLINE: \(note)"))
            objects.append(
                "{\"id\":\(JSONString.quote(variant.id)),\"revision\":\(JSONString.quote(variant.contentHash)),"
                    + "\"slot\":\(JSONString.quote(slot)),\"deadline\":\(JSONString.quote(deadline)),"
                    + "\"past_deadline\":\(status.isMissed)" + (note.isEmpty ? "" : ",\"note\":\(JSONString.quote(note))") + "}")
        }
        switch format {
        case .text:
            lines.append("\(pending.count) variant\(pending.count == 1 ? "" : "s") waiting for approval.")
            print(lines.joined(separator: "\n"))
        case .json:
            print("[" + objects.joined(separator: ",\n") + "]")
        }
    }
}

/// JSON string literals for the commands' hand-written JSON.
enum JSONString {
    static func quote(_ text: String) -> String {
        String(data: try! JSONEncoder().encode(text), encoding: .utf8)!
    }
}
