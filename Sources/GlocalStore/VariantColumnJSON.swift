import Foundation
import GlocalCore

/// The JSON a `variant` row keeps in its text columns, written and read the same way by every store.
public enum VariantColumnJSON {
    /// The `explanation` column: a JSON array of `{detail, rule}` objects.
    public static func explanation(_ reasons: [ScheduleReason]) -> String {
        var json = JSONText(capacity: 2 + reasons.reduce(0) { $0 + $1.detail.utf8.count + $1.rule.utf8.count + 24 })
        json.raw("[")
        for (index, reason) in reasons.enumerated() {
            json.raw(index == 0 ? "{" : ",{")
            json.key("detail", first: true)
            json.string(reason.detail)
            json.key("rule")
            json.string(reason.rule)
            json.raw("}")
        }
        json.raw("]")
        return json.text
    }

    /// The `media` column read back: a JSON array of strings; `nil` if it is anything else.
    public static func strings(_ text: String) -> [String]? {
        if text == "[]" { return [] }
        guard let items = JSONParser.parse(text) as? [Any] else { return nil }
        let strings = items.compactMap { $0 as? String }
        return strings.count == items.count ? strings : nil
    }

    /// The `explanation` column read back; `nil` if it is anything else than an array of `{rule, detail}` objects.
    public static func reasons(_ text: String) -> [ScheduleReason]? {
        if text == "[]" { return [] }
        guard let items = JSONParser.parse(text) as? [Any] else { return nil }
        var reasons: [ScheduleReason] = []
        for item in items {
            guard let object = item as? [String: Any], let rule = object["rule"] as? String,
                let detail = object["detail"] as? String
            else { return nil }
            reasons.append(ScheduleReason(rule, detail))
        }
        return reasons
    }
}
