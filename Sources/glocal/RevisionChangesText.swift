import Foundation
import GlocalCore
import GlocalStore

/// What changed since a revision, for the command line: who changed the variant and when, and the
/// text shown then against the text now.
enum RevisionChangesText {
    /// Indented lines, each ending in a newline.
    static func render(_ changes: RevisionChanges) -> String {
        var lines: [String] = []
        for event in changes.events {
            let states =
                event.fromState == event.toState || event.fromState == nil
                ? "" : " (\(event.fromState?.rawValue ?? "") -> \(event.toState?.rawValue ?? ""))"
            let at = ISO8601DateFormatter().string(from: event.at)
            lines.append("  \(event.action.rawValue) by \(event.actor) at \(at)\(states)")
        }
        if let shown = changes.shownText, shown != changes.current.text {
            lines.append("  text at revision \(changes.shown): \(JSONString.quote(shown))")
            lines.append("  text now:  \(JSONString.quote(changes.current.text))")
        } else if changes.shownText == nil {
            lines.append("  (no revision \(changes.shown) in the variant's history)")
        } else {
            lines.append("  the text is the same; the title, link, its placement or the media changed")
        }
        let current = changes.current
        lines.append("  current revision: \(current.contentHash) (glocal approve \(current.id)@\(current.contentHash))")
        return lines.map { $0 + "\n" }.joined()
    }
}
