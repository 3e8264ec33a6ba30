import GlocalCore
import GlocalStore

/// The local text glocal generated for a variant (from the campaign and its locale's strings), read back from
/// the audit log: the text the last `apply` stored, before any manager's edit.
enum GeneratedText {
    /// The generated text, from `history` in any order; `nil` when the log holds no snapshot of it.
    static func of(_ history: [AuditEvent]) -> String? {
        var generated: String?
        for event in history.sorted(by: { $0.id < $1.id }) {
            switch event.action {
            case .create, .update:
                generated = text(in: event.after) ?? generated
            case .edit:
                if generated == nil { generated = text(in: event.before) }
            case .cancel, .setState, .approve, .reject:
                continue
            }
        }
        return generated
    }

    private static func text(in snapshot: String?) -> String? {
        guard let snapshot, let object = JSONParser.parse(snapshot) as? [String: Any] else { return nil }
        return object["text"] as? String
    }
}
