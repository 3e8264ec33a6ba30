import Foundation

/// The report's query parameters as the reader gave them (`period`, `from`, `to`, `tz`, `campaign`),
/// kept so every link of the page (tables, CSV, another view) asks for the same period.
struct ReportQuery: Sendable {
    var period: String?
    var from: String?
    var to: String?
    var timeZone: String?
    var campaign: String?

    /// `?period=…&from=…` with the given parameters (empty ones left out) and `extra` appended.
    func string(_ extra: [(String, String)] = []) -> String {
        let pairs =
            [("period", period), ("from", from), ("to", to), ("tz", timeZone), ("campaign", campaign)]
            .compactMap { name, value in value.flatMap { $0.isEmpty ? nil : (name, $0) } } + extra
        guard !pairs.isEmpty else { return "" }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return "?"
            + pairs.map { name, value in "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
    }
}
