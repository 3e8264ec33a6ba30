import Foundation
import GlocalCore
import GlocalStore

/// What changed in a variant since the page someone acted on was loaded: who changed it and when,
/// and the text they were shown against the text now.
enum RevisionChangesView {
    static func render(_ changes: RevisionChanges, action: String) -> HTML {
        let events = changes.events.map { event -> HTML in
            let network = changes.current.network
            let from = Layout.stateLabel(event.fromState?.rawValue ?? "", network: network)
            let to = Layout.stateLabel(event.toState?.rawValue ?? "", network: network)
            let states: HTML = event.fromState == event.toState || event.fromState == nil ? .empty : " (\(from) → \(to))"
            return
                "<li><strong>\(event.action.rawValue)</strong> by \(AuditPage.who(event.actor, node: event.node)) at \(Layout.utc(event.at))\(states)</li>"
        }
        let text: HTML
        if let shown = changes.shownText, shown != changes.current.text {
            let (left, right) = WordDiffHTML.sides(from: shown, to: changes.current.text)
            text = """
                <div class="columns"><div class="card"><h3>The text you saw</h3><p class="post" id="shown-text">\(left)</p></div>
                <div class="card"><h3>The text now</h3><p class="post" id="current-text">\(right)</p></div></div>
                """
        } else if changes.shownText == nil {
            text = "<p>The version you saw is not in this variant's history.</p>"
        } else {
            text = "<p>The text is the same; the title, the link, its placement or the media changed (see the preview).</p>"
        }
        return """
            <div class="card" id="changes" role="alert"><h2>Changed since you loaded this page</h2>
            <p>Nothing was \(action): the variant is no longer the version you saw. Review it as it is now below, then
            decide again.</p>
            <ul>\(events)</ul>
            \(text)</div>
            """
    }
}
