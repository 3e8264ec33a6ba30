import Foundation
import GlocalCore

/// The small formatting the digest and the alerts share: local times, relative hints, links, HTML.
enum NotificationText {
    /// `Tue 1 Dec 09:00 Europe/Paris`: `date` in `zoneID`.
    static func local(_ date: Date, zoneID: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: zoneID) ?? TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE d MMM HH:mm"
        return formatter.string(from: date) + " " + (formatter.timeZone?.identifier ?? "UTC")
    }

    /// `in 5 h`, `in 2 days`, `in 20 min`.
    static func relative(_ date: Date, from now: Date) -> String {
        let seconds = date.timeIntervalSince(now)
        if seconds < 0 { return "passed" }
        if seconds < 3600 { return "in \(max(1, Int(seconds / 60))) min" }
        if seconds < 48 * 3600 { return "in \(Int(seconds / 3600)) h" }
        return "in \(Int(seconds / 86_400)) days"
    }

    /// The first `limit` characters of `text` on one line, with `…` when cut.
    static func excerpt(_ text: String, limit: Int = 80) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count <= limit ? line : String(line.prefix(limit)) + "…"
    }

    /// The absolute URL of a variant's page, when the web UI's address is known.
    static func variantLink(_ id: String, base: URL?) -> String? {
        guard let base else { return nil }
        let path = id.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0) }
        return base.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/variants/"
            + path.joined(separator: "/")
    }

    /// The absolute URL of `path` on the web UI.
    static func link(_ path: String, base: URL?) -> String? {
        base.map { $0.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + path }
    }

    /// `line` as HTML: escaped, each link into the web UI (a run after `base` up to a space or `>`) made an
    /// `<a href>`. Only glocal's own links are made clickable: a URL inside a network's error message stays text.
    static func html(_ line: String, base: URL?) -> String {
        guard let root = link("", base: base), !root.isEmpty else { return HTMLEscaping.escape(line) }
        var result = ""
        var rest = Substring(line)
        while let start = rest.range(of: root) {
            result += HTMLEscaping.escape(String(rest[..<start.lowerBound]))
            let end = rest[start.lowerBound...].firstIndex { $0 == " " || $0 == ">" || $0 == "\n" } ?? rest.endIndex
            let url = HTMLEscaping.escape(String(rest[start.lowerBound..<end]))
            result += "<a href=\"\(url)\">\(url)</a>"
            rest = rest[end...]
        }
        return result + HTMLEscaping.escape(String(rest))
    }
}
