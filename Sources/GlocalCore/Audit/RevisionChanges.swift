import Foundation

/// What changed in a variant since a revision someone was shown: the text then (from the audit
/// log's snapshots) and the events written since, with who and when.
public struct RevisionChanges: Sendable, Equatable {
    /// The revision the person was shown.
    public var shown: VariantRevision
    /// The text at that revision, if the audit log holds a snapshot of it.
    public var shownText: String?
    /// The variant as it is now.
    public var current: StoredVariant
    /// The events since the last one that left the variant at `shown`, oldest first (every event of
    /// the variant when no snapshot has that revision).
    public var events: [AuditEvent]

    /// Builds the changes from the variant's events, oldest first.
    public init(shown: VariantRevision, current: StoredVariant, history: [AuditEvent]) {
        self.shown = shown
        self.current = current
        var shownText: String?
        var since = 0
        for (index, event) in history.enumerated() {
            if let before = Self.snapshot(event.before), shown.names(before.hash), shownText == nil { shownText = before.text }
            if let after = Self.snapshot(event.after), shown.names(after.hash) {
                shownText = after.text
                since = index + 1
            }
        }
        self.shownText = shownText
        events = Array(history[since...])
    }

    /// The content hash and text of an audit snapshot.
    private static func snapshot(_ json: String?) -> (hash: String, text: String)? {
        guard let json, let object = JSONParser.parse(json) as? [String: Any],
            let hash = object["content_hash"] as? String, let text = object["text"] as? String
        else { return nil }
        return (hash, text)
    }
}
