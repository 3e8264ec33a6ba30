import Foundation
import GlocalCore
import Yams

extension DecodeContext {
    /// Every IANA zone this system knows, for checks and "did you mean".
    static let knownTimeZones: Set<String> = Set(TimeZone.knownTimeZoneIdentifiers).union(["UTC"])

    /// A lowercase slug id (`[a-z0-9][a-z0-9-]*`, plus `.` and `_` when `dotted`).
    func slug(_ text: Located<String>?, what: String, dotted: Bool = false) -> Located<String>? {
        guard let text else { return nil }
        let ok =
            !text.value.isEmpty
            && text.value.unicodeScalars.enumerated().allSatisfy { index, c in
                let lowerOrDigit = ("a"..."z").contains(c) || ("0"..."9").contains(c)
                if index == 0 { return lowerOrDigit }
                return lowerOrDigit || c == "-" || (dotted && (c == "." || c == "_"))
            }
        if !ok {
            let suggestion = Self.slugSuggestion(text.value, dotted: dotted)
            collector.error(
                .idInvalid,
                "\(what) '\(DiagnosticText.cut(text.value))' must be lowercase letters, digits and "
                    + (dotted ? "'-', '.' or '_', starting with a letter or digit" : "dashes, starting with a letter or digit"),
                at: text.location,
                notes: suggestion.map { ["for example '\(DiagnosticText.cut($0))'"] } ?? [])
        }
        return text
    }

    /// A valid id close to `text` (lowercased, spaces as dashes, other characters dropped, starting with a
    /// letter or digit), or `nil` when nothing of it is left.
    static func slugSuggestion(_ text: String, dotted: Bool) -> String? {
        var result = String.UnicodeScalarView()
        for c in text.lowercased().unicodeScalars {
            let lowerOrDigit = ("a"..."z").contains(c) || ("0"..."9").contains(c)
            if lowerOrDigit {
                result.append(c)
            } else if !result.isEmpty {
                if dotted && (c == "." || c == "_") {
                    result.append(c)
                } else if c == " " || c == "_" || c == "-" {
                    result.append("-")
                }
            }
        }
        let suggestion = String(result)
        return suggestion.isEmpty ? nil : suggestion
    }

    /// A `YYYY-MM-DD` date, in the years ``NumberRanges/years``.
    func date(_ text: Located<String>?, what: String) -> Located<LocalDate>? {
        guard let text else { return nil }
        guard let date = LocalDate(iso: text.value) else {
            let hint =
                text.value.count == 10 && text.value.contains("-")
                ? "no such day in the calendar" : "write dates as YYYY-MM-DD, e.g. 2026-12-01"
            collector.error(
                .dateInvalid, "invalid date '\(DiagnosticText.cut(text.value))' for \(what)", at: text.location, notes: [hint])
            return nil
        }
        guard NumberRanges.years.contains(date.year) else {
            collector.error(
                .dateInvalid,
                "\(what) \(date) is out of range: dates must be from \(NumberRanges.years.lowerBound)-01-01"
                    + " to \(NumberRanges.years.upperBound)-12-31",
                at: text.location, notes: ["check the year"])
            return nil
        }
        return Located(date, at: text.location)
    }

    /// `value` when it lies in `range`; otherwise one error naming the range, and `nil`.
    func number(
        _ value: Located<Int>?, in range: ClosedRange<Int>, what: String, rule: DiagnosticRule = .valueInvalid,
        notes: [String] = []
    ) -> Located<Int>? {
        guard let value else { return nil }
        guard range.contains(value.value) else {
            let allowed = "from \(Self.grouped(range.lowerBound)) to \(Self.grouped(range.upperBound))"
            collector.error(
                rule, "\(what) must be \(allowed), found \(Self.grouped(value.value))", at: value.location, notes: notes)
            return nil
        }
        return value
    }

    /// A duration (see ``duration(_:what:)``) that lies in `range`; otherwise one error naming the range, and `nil`.
    func duration(_ text: Located<String>?, what: String, in range: ClosedRange<GlocalDuration>) -> Located<GlocalDuration>? {
        guard let duration = duration(text, what: what) else { return nil }
        guard range.contains(duration.value) else {
            // As written first (`25h`), then in the range's units when they differ (`1d1h`).
            let written = DiagnosticText.cut(text?.value ?? "")
            let found = written == "\(duration.value)" ? written : "\(written) (\(duration.value))"
            collector.error(
                .valueInvalid, "\(what) must be from \(range.lowerBound) to \(range.upperBound), found \(found)",
                at: duration.location)
            return nil
        }
        return duration
    }

    /// `3650` as `3 650`, as the docs write numbers.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text += " " }
            text.append(digit)
        }
        return (value < 0 ? "-" : "") + text
    }

    /// An `HH:MM` time of day.
    func time(_ text: Located<String>?, what: String) -> Located<LocalTime>? {
        guard let text else { return nil }
        guard let time = LocalTime(text: text.value) else {
            var notes = [
                Self.paddedHour(text.value).map { "the hour takes two digits: \"\($0)\"" }
                    ?? "write times as HH:MM on a 24-hour clock, e.g. \"09:30\""
            ]
            let digits = Array(text.value)
            if digits.count == 4, digits.allSatisfy(\.isASCII), Int(text.value) != nil,
                case let withColon = String(digits[0..<2]) + ":" + String(digits[2...]), LocalTime(text: withColon) != nil
            {
                notes.append("the ':' is missing: \"\(withColon)\"")
            } else if let number = Int(text.value) {
                notes.append("YAML read this as the number \(number): an unquoted 09:30 is sexagesimal in YAML 1.1; quote it")
            }
            collector.error(
                .timeInvalid, "invalid time '\(DiagnosticText.cut(text.value))' for \(what)", at: text.location, notes: notes)
            return nil
        }
        return Located(time, at: text.location)
    }

    /// `9:30` as `09:30` when that is a valid time, for the note on a one-digit hour.
    static func paddedHour(_ text: String) -> String? {
        let padded = "0" + text
        return text.split(separator: ":").first?.count == 1 && LocalTime(text: padded) != nil ? padded : nil
    }

    /// A duration like `36h`.
    func duration(_ text: Located<String>?, what: String) -> Located<GlocalDuration>? {
        guard let text else { return nil }
        guard let duration = GlocalDuration(text: text.value) else {
            collector.error(
                .durationInvalid, "invalid duration '\(DiagnosticText.cut(text.value))' for \(what)", at: text.location,
                notes: ["write durations as a number and a unit (w, d, h, m, s), e.g. 36h, 90m, 2d, 1d12h"])
            return nil
        }
        return Located(duration, at: text.location)
    }

    /// An IANA time zone identifier.
    func timeZone(_ text: Located<String>?) -> Located<String>? {
        guard let text else { return nil }
        // Foundation's list on Linux lacks some current IANA names (Asia/Kolkata, listed as Asia/Calcutta): a
        // Region/City name the time-zone database can load is known too.
        if !Self.knownTimeZones.contains(text.value),
            !(text.value.contains("/") && TimeZone(identifier: text.value) != nil)
        {
            collector.error(
                .timezoneUnknown, "unknown time zone '\(DiagnosticText.cut(text.value))'", at: text.location,
                notes: Suggestion.notes(for: text.value, in: Self.knownTimeZones)
                    + ["use an IANA identifier such as Europe/Paris or America/New_York"])
        }
        // Returned even when unknown, so that later checks do not report a missing zone again.
        return text
    }

    /// A network name.
    func network(_ text: Located<String>?) -> Located<Network>? {
        guard let text else { return nil }
        guard let network = Network(rawValue: text.value) else {
            let notes = Network.suggestion(for: text.value).map { ["did you mean '\($0.rawValue)'?"] } ?? []
            collector.error(
                .networkUnknown, "unknown network '\(DiagnosticText.cut(text.value))'", at: text.location,
                notes: notes + ["supported networks: \(Network.allCases.map(\.rawValue).joined(separator: ", "))"])
            return nil
        }
        return Located(network, at: text.location)
    }
}
