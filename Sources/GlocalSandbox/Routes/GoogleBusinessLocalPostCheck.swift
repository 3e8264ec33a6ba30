import Foundation

/// What Google refuses in a `LocalPost` body (My Business API v4): the summary's length, the topic type and what it
/// requires (an event's title and schedule, an offer), the button's type and URL, and media by URL.
enum GoogleBusinessLocalPostCheck {
    static let topicTypes: Set<String> = ["STANDARD", "EVENT", "OFFER"]
    static let actionTypes: Set<String> = ["BOOK", "ORDER", "SHOP", "LEARN_MORE", "SIGN_UP", "CALL"]

    /// `(field, description)` of the first problem, or `nil`.
    static func problem(_ json: [String: Any]) -> (field: String, description: String)? {
        guard let summary = json["summary"] as? String, summary.count <= 1500 else {
            return ("summary", "summary is required and at most 1500 characters")
        }
        guard let topic = json["topicType"] as? String, topicTypes.contains(topic) else {
            return ("topic_type", "topicType must be STANDARD, EVENT or OFFER")
        }
        if topic != "STANDARD" {
            guard let event = json["event"] as? [String: Any], (event["title"] as? String)?.isEmpty == false,
                let schedule = event["schedule"] as? [String: Any], schedule["startDate"] != nil, schedule["endDate"] != nil
            else { return ("event", "an \(topic) post needs event.title and event.schedule") }
        }
        if topic == "OFFER", json["offer"] as? [String: Any] == nil { return ("offer", "an OFFER post needs offer") }
        if let button = json["callToAction"] as? [String: Any] {
            guard let type = button["actionType"] as? String, actionTypes.contains(type) else {
                return ("call_to_action.action_type", "unknown actionType")
            }
            let url = button["url"] as? String
            if type == "CALL", url != nil { return ("call_to_action.url", "a CALL button takes no url") }
            if type != "CALL", !(url?.hasPrefix("https://") == true || url?.hasPrefix("http://") == true) {
                return ("call_to_action.url", "a \(type) button needs an http(s) url")
            }
        }
        for (index, item) in ((json["media"] as? [[String: Any]]) ?? []).enumerated() {
            guard ["PHOTO", "VIDEO"].contains(item["mediaFormat"] as? String ?? ""),
                (item["sourceUrl"] as? String)?.hasPrefix("http") == true
            else { return ("media[\(index)]", "media need mediaFormat PHOTO or VIDEO and a sourceUrl") }
        }
        return nil
    }
}
