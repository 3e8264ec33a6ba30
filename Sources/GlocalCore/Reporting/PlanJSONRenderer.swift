import Foundation

/// Renders a plan as JSON: `{"version": 1, "summary": {...}, "changes": [...], "diagnostics": [...]}`.
public struct PlanJSONRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The plan as pretty-printed JSON with sorted keys, ending with a newline.
    public func render(_ plan: Plan) -> String {
        let formatter = ISO8601DateFormatter()
        func variant(_ v: StoredVariant?) -> Any {
            guard let v else { return NSNull() }
            var object: [String: Any] = [
                "text": v.text, "linkPlacement": v.linkPlacement.rawValue, "media": v.media, "state": v.state.rawValue,
                "timeZone": v.timeZone, "live": v.live, "contentHash": v.contentHash,
            ]
            if let title = v.title { object["title"] = title }
            if let link = v.link { object["link"] = link }
            if let at = v.scheduledAt { object["scheduledAt"] = formatter.string(from: at) }
            if let local = v.localTime { object["localTime"] = local }
            object["explanation"] = v.explanation.map { ["rule": $0.rule, "detail": $0.detail] }
            return object
        }
        let changes: [[String: Any]] = plan.changes.map { change in
            let any = change.desired ?? change.stored
            return [
                "action": change.action.rawValue, "id": change.id, "campaign": any?.campaignID ?? "", "post": any?.postID ?? "",
                "account": any?.accountID ?? "", "network": any?.network.rawValue ?? "", "contentChanged": change.contentChanged,
                "timeChanged": change.timeChanged, "stateAfter": change.resultingState?.rawValue ?? NSNull(),
                "before": variant(change.stored), "after": variant(change.desired),
            ]
        }
        let summary: [String: Int] = Dictionary(uniqueKeysWithValues: PlanAction.allCases.map { ($0.rawValue, plan.count($0)) })
        let diagnostics: [[String: Any]] = plan.diagnostics.map { d in
            var object: [String: Any] = ["severity": d.severity.rawValue, "rule": d.rule, "message": d.message, "notes": d.notes]
            if let location = d.location {
                object["file"] = location.file; object["line"] = location.line; object["column"] = location.column
                object["endColumn"] = location.column + location.length
            }
            if let network = d.network { object["network"] = network.rawValue }
            if let account = d.account { object["account"] = account }
            return object
        }
        let root: [String: Any] = ["version": 1, "summary": summary, "changes": changes, "diagnostics": diagnostics]
        let data =
            (try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
