import ArgumentParser
import Foundation
import GlocalCore
import GlocalStore

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
