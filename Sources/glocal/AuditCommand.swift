import ArgumentParser
import Foundation
import GlocalCore
import GlocalStore
import GlocalUseCases

/// `glocal audit`: the append-only audit log of variants and accounts.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Print the audit log: who changed which variant, when, from which state to which, and why; "
            + "who paused, resumed or connected which account, and the global crisis pause; "
            + "which node's dispatcher wrote an event (glocal run --node-id).")

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "Only this variant's events.")
    var variant: String?

    @Option(help: "Only this account's pauses, resumes and connections, and the global pauses.")
    var account: String?

    @Option(help: "Output format: text or json.")
    var format: PlanFormat = .text

    func validate() throws {
        if variant != nil, account != nil { throw ValidationError("give --variant or --account, not both") }
    }

    func run() throws {
        let store = try VariantApprovals(access: options.access()).store
        let events = account == nil ? try store.auditEvents(variant: variant) : []
        let accountEvents = variant == nil ? try store.accountAuditEvents(account: account) : []
        let lines = Self.merged(events, accountEvents).map { entry -> String in
            switch (entry, format) {
            case (.variant(let event), .text): return Self.text(event)
            case (.variant(let event), .json): return Self.json(event)
            case (.account(let event), .text): return Self.text(event)
            case (.account(let event), .json): return Self.json(event)
            }
        }
        switch format {
        case .text: for line in lines { print(TerminalText.safe(line)) }
        case .json: print("[" + lines.joined(separator: ",\n") + "]")
        }
        // Nothing for an id the store does not know is most likely a typo: say so, beside the (empty) answer.
        if let variant, events.isEmpty, try store.variant(variant) == nil {
            FileHandle.standardError.write(Data("glocal: no variant '\(TerminalText.oneLine(variant))' in the store\n".utf8))
        }
    }

    private enum Entry {
        case variant(AuditEvent)
        case account(AccountAuditEvent)
    }

    /// Both logs (each oldest first) in one, oldest first; at equal instants the variant event goes first.
    private static func merged(_ events: [AuditEvent], _ accountEvents: [AccountAuditEvent]) -> [Entry] {
        var entries: [Entry] = []
        var variants = events[...]
        var accounts = accountEvents[...]
        while variants.first != nil || accounts.first != nil {
            if let variant = variants.first, accounts.first.map({ variant.at <= $0.at }) ?? true {
                entries.append(.variant(variant))
                variants = variants.dropFirst()
            } else if let account = accounts.first {
                entries.append(.account(account))
                accounts = accounts.dropFirst()
            }
        }
        return entries
    }

    private static func stamp(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// The actor, and the node it ran on if a node wrote the event: `dispatcher on node-a`.
    private static func who(_ actor: String, node: String?) -> String { node.map { "\(actor) on \($0)" } ?? actor }

    private static func text(_ event: AuditEvent) -> String {
        var line = "\(stamp(event.at))  \(who(event.actor, node: event.node))  \(event.action.rawValue)  \(event.variantID)"
        line += "  \(event.fromState?.rawValue ?? "-") -> \(event.toState?.rawValue ?? "-")"
        if let reason = event.reason { line += "  reason: \(TerminalText.oneLine(reason))" }
        return line
    }

    private static func text(_ event: AccountAuditEvent) -> String {
        let actor = who(event.actor, node: event.node)
        var line = "\(stamp(event.at))  \(actor)  \(event.action.rawValue)  \(event.accountID ?? "every account")"
        if let reason = event.reason { line += "  reason: \(TerminalText.oneLine(reason))" }
        if let hold = event.clearedHold { line += "  lifted hold: \(TerminalText.oneLine(hold))" }
        return line
    }

    private static func json(_ event: AuditEvent) -> String {
        "{\"kind\":\"variant\",\"id\":\(event.id),\"at\":\(JSONString.quote(stamp(event.at))),"
            + "\"actor\":\(JSONString.quote(event.actor)),"
            + "\"action\":\"\(event.action.rawValue)\",\"variant\":\(JSONString.quote(event.variantID)),"
            + "\"from\":\(event.fromState.map { "\"\($0.rawValue)\"" } ?? "null"),"
            + "\"to\":\(event.toState.map { "\"\($0.rawValue)\"" } ?? "null"),"
            + "\"reason\":\(event.reason.map(JSONString.quote) ?? "null"),\"node\":\(event.node.map(JSONString.quote) ?? "null"),"
            + "\"before\":\(event.before ?? "null"),\"after\":\(event.after ?? "null")}"
    }

    private static func json(_ event: AccountAuditEvent) -> String {
        "{\"kind\":\"account\",\"id\":\(event.id),\"at\":\(JSONString.quote(stamp(event.at))),"
            + "\"actor\":\(JSONString.quote(event.actor)),"
            + "\"action\":\"\(event.action.rawValue)\",\"account\":\(event.accountID.map(JSONString.quote) ?? "null"),"
            + "\"reason\":\(event.reason.map(JSONString.quote) ?? "null"),"
            + "\"cleared_hold\":\(event.clearedHold.map(JSONString.quote) ?? "null"),"
            + "\"node\":\(event.node.map(JSONString.quote) ?? "null")}"
    }
}
