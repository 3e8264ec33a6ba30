import Foundation

/// Reads `/{media}/insights` answers: `data[].name` with `values[0].value` or `total_value.value`.
enum GraphInsights {
    static func counters(_ json: JSON) -> [String: Int] {
        var counters: [String: Int] = [:]
        for metric in json["data"].array {
            guard let name = metric["name"].string else { continue }
            counters[name] = metric["total_value"]["value"].int ?? metric["values"][0]["value"].int ?? 0
        }
        return counters
    }
}
