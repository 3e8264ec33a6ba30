import Foundation

/// X's `public_metrics` as glocal stores them: each counter once. The xdk OpenAPI glocal speaks names the reposts
/// `retweet_count`; the newer `openapi.json` (`PostPublicMetrics`) names the same counter `repost_count`. An answer
/// carrying both (the sandbox sends both) counts its reposts once, under `retweet_count`.
enum XPublicMetrics {
    /// Another name of a counter, by the name glocal keeps.
    static let aliases = ["retweet_count": "repost_count"]

    /// The integer members of `public_metrics`, each alias folded into the name glocal keeps (its value
    /// kept only when that name is missing).
    static func counters(_ members: [String: Int]) -> [String: Int] {
        var counters = members
        for (kept, alias) in aliases {
            guard let value = counters.removeValue(forKey: alias) else { continue }
            if counters[kept] == nil { counters[kept] = value }
        }
        return counters
    }
}
