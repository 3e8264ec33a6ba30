import Foundation

/// An account's planned posts as an iCalendar (RFC 5545) feed a local manager can subscribe to.
public struct ICalendarRenderer: Sendable {
    /// The workspace id, for the calendar's name and event ids.
    public let workspace: String

    /// Creates a renderer.
    public init(workspace: String) { self.workspace = workspace }

    /// One VEVENT per scheduled post of `account` (live posts have no time and are left out).
    /// `states` gives each variant's state for the event's status; `stamp` is the feed's DTSTAMP.
    public func render(_ scheduled: [ScheduledVariant], account: String, states: [String: VariantState], stamp: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//glocal//glocal \(workspace)//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:\(escape("\(account) — \(workspace)"))",
        ]
        let items = scheduled.filter { $0.variant.accountID == account && $0.slot != nil }
            .sorted { $0.slot!.instant < $1.slot!.instant }
        if let zone = items.first?.slot?.timeZone { lines.append("X-WR-TIMEZONE:\(zone)") }
        for item in items {
            let variant = item.variant, slot = item.slot!
            let state = states[variant.id] ?? .pendingApproval
            lines += [
                "BEGIN:VEVENT",
                "UID:\(variant.idempotencyKey)@\(workspace).glocal",
                "DTSTAMP:\(Self.utc(stamp))",
                "DTSTART:\(Self.utc(slot.instant))",
                "DURATION:PT15M",
                "SUMMARY:\(escape("[\(variant.network.displayName)] \(variant.campaignID)/\(variant.postID) (\(state.rawValue.replacingOccurrences(of: "_", with: " ")))"))",
                "DESCRIPTION:\(escape(variant.text + (variant.link.map { "\n\nLink (\(variant.linkPlacement.rawValue)): \($0)" } ?? "")))",
                "CATEGORIES:\(escape(variant.kind.rawValue)),\(escape(variant.network.rawValue))",
                "STATUS:\(state == .cancelled || state == .rejected ? "CANCELLED" : state == .pendingApproval ? "TENTATIVE" : "CONFIRMED")",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 5545 TEXT escaping: backslash, semicolon, comma; every line break (CR LF, LF, a lone CR, NEL, LS, PS)
    /// as `\n`; other control characters but the tab, which TEXT excludes (§3.3.11), left out, so no text can end a
    /// content line.
    func escape(_ text: String) -> String {
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r":
                result += "\\n"
                if pending == "\n" { pending = scalars.next() }
            case "\n", "\u{85}", "\u{2028}", "\u{2029}": result += "\\n"
            case "\t": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `20261201T084700Z`.
    static func utc(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
        return formatter.string(from: date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    /// Folds a content line to at most 75 octets per line, never splitting a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var result = "", current = "", currentBytes = 0, limit = 75
        for character in line {
            let size = String(character).utf8.count
            if currentBytes + size > limit {
                result += (result.isEmpty ? "" : "\r\n ") + current
                current = ""
                currentBytes = 0
                limit = 74  // Continuation lines start with a space.
            }
            current.append(character)
            currentBytes += size
        }
        return result + (result.isEmpty ? "" : "\r\n ") + current
    }
}
