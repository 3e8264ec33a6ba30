import Foundation
import GlocalCore
import GlocalStore

/// The audit log: who did what, when, from which state to which, the text before and after, why.
enum AuditPage {
    static func render(events: [AuditEvent], session: Session, limit: Int) -> HTML {
        Layout.page(
            title: "Audit log", session: session,
            """
            <h1>Audit log</h1>
            <p>Every state change and edit, newest first (the latest \(limit) you may see). The log is append-only:
            the database refuses to change or delete an entry.</p>
            \(table(events, showVariant: true))
            """)
    }

    /// The events as a table.
    static func table(_ events: [AuditEvent], showVariant: Bool) -> HTML {
        guard !events.isEmpty else { return "<p>No events.</p>" }
        let rows = events.map { event -> HTML in
            let variant: HTML = showVariant ? "<td><a href=\"\(Layout.variantPath(event.variantID))\">\(event.variantID)</a></td>" : .empty
            let change = "\(event.fromState.map { Layout.stateLabel($0.rawValue) } ?? "—") → \(event.toState.map { Layout.stateLabel($0.rawValue) } ?? "—")"
            let beforeText = event.before.flatMap(text(of:))
            let afterText = event.after.flatMap(text(of:))
            var detail: HTML = event.reason.map { "Reason: \($0)" } ?? .empty
            if event.action == .edit || event.action == .update, let beforeText, let afterText, beforeText != afterText {
                let pieces = TextDiff.words(from: beforeText, to: afterText).map { piece -> HTML in
                    switch piece {
                    case .same(let text): return "\(text)"
                    case .removed(let text): return "<del>\(text)</del>"
                    case .added(let text): return "<ins>\(text)</ins>"
                    }
                }
                detail = "\(detail)<span class=\"post\">\(pieces)</span>"
            }
            return """
                <tr><td>\(Layout.utc(event.at))</td><td>\(event.actor)</td>\(variant)<td>\(event.action.rawValue)</td>
                <td>\(change)</td><td>\(detail)</td></tr>
                """
        }
        let variantHeader: HTML = showVariant ? "<th scope=\"col\">Variant</th>" : .empty
        return """
            <div class="table-wrap"><table id="audit"><thead><tr><th scope="col">When</th><th scope="col">Who</th>\(variantHeader)
            <th scope="col">Action</th><th scope="col">State</th><th scope="col">Before → after</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }

    /// The `text` of an audit snapshot.
    static func text(of snapshot: String) -> String? {
        struct Snapshot: Decodable { var text: String }
        return try? JSONDecoder().decode(Snapshot.self, from: Data(snapshot.utf8)).text
    }
}
