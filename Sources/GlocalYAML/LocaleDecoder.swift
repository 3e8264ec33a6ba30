import GlocalCore
import Yams

/// Decodes one `locales/<id>.yaml`.
enum LocaleDecoder {
    static let keys = ["locale", "name", "fallback", "timezone", "holidays", "strings"]

    static func decode(_ root: Node?, expectedID: String, context: DecodeContext) -> LocaleDefinition? {
        guard let root else {
            context.collector.error(
                .keyMissing, "locale file is empty: it needs 'locale: \(expectedID)'",
                at: SourceLocation(file: context.file, line: 1, column: 1))
            return nil
        }
        guard let map = context.mapping(root, what: "locale file", allowed: keys, required: ["locale"]),
            let id = map.string("locale")
        else { return nil }
        if !LocaleID.isWellFormed(id.value) {
            let example =
                LocaleID.suggestion(for: id.value).map { "; did you mean '\(DiagnosticText.cut($0))'?" } ?? ", e.g. fr-CA"
            context.collector.error(
                .localeUnknown, "'\(DiagnosticText.cut(id.value))' is not a locale id", at: id.location,
                notes: [
                    "a locale id is a lowercase language, an optional script and an optional uppercase region, joined by '-'"
                        + example
                ])
        } else if id.value != expectedID {
            context.collector.error(
                .localeMismatch, "locale '\(DiagnosticText.cut(id.value))' is in a file named '\(expectedID).yaml'",
                at: id.location,
                notes: [
                    LocaleID.isWellFormed(expectedID)
                        ? "rename the file to locales/\(id.value).yaml, or set locale: \(expectedID)"
                        : "rename the file to locales/\(id.value).yaml"
                ])
        }
        var holidays: [Located<LocalDate>] = []
        for text in map.strings("holidays") ?? [] {
            if let date = context.date(text, what: "holiday") { holidays.append(date) }
        }
        var strings: [String: LocalizedString] = [:]
        if let node = map.value("strings"), let entries = context.mapping(node, what: "strings", allowed: [], for: "strings") {
            let lines = SourceLineIndex(context.source)
            for entry in entries.entries {
                let keyLocation = context.location(of: entry.keyNode)
                _ = context.slug(Located(entry.key, at: keyLocation), what: "string key", dotted: true)
                guard case let .scalar(scalar) = entry.value, !context.isNull(entry.value) else {
                    context.typeMismatch(entry.value, expected: "text", for: entry.key)
                    continue
                }
                strings[entry.key] = localized(
                    scalar, valueNode: entry.value, keyLocation: keyLocation, lines: lines, context: context)
            }
        }
        return LocaleDefinition(
            id: id, fallback: map.string("fallback"), timeZone: context.timeZone(map.string("timezone")),
            name: map.string("name")?.value, holidays: holidays, strings: strings, file: context.file)
    }

    /// Keeps where the text starts so that a column inside it can be computed when the scalar is written on one
    /// line, character for character (``ScalarLayout``); otherwise carets inside it fall back to its start.
    private static func localized(
        _ scalar: Node.Scalar, valueNode: Node, keyLocation: SourceLocation, lines: SourceLineIndex, context: DecodeContext
    ) -> LocalizedString {
        let start = context.location(of: valueNode)
        var location = start
        if scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            location.column += 1
            location.length = max(1, location.length - 2)
        }
        var text = scalar.string
        if text.utf8.count > NumberRanges.maximumTextBytes {
            context.collector.error(
                .valueInvalid,
                "this text is \(DecodeContext.grouped(text.utf8.count)) bytes long; a text may be at most "
                    + "\(DecodeContext.grouped(NumberRanges.maximumTextBytes)) bytes",
                at: SourceLocation(file: location.file, line: location.line, column: location.column),
                notes: ["no network takes more than 63 206 characters; only the text's first part is checked"])
            text = truncated(text, toBytes: NumberRanges.maximumTextBytes)
        }
        // libyaml drops a byte-order mark at the start of a scalar; networks do not, so keep it visible.
        if context.byteOrderMarks.contains(.init(line: location.line, column: location.column)),
            text.unicodeScalars.first != "\u{FEFF}"
        {
            text = "\u{FEFF}" + text
        }
        // Block scalars start on the next line: the caret stays on the indicator.
        let layout = ScalarLayout.of(
            text, style: scalar.style, source: lines.text(fromLine: start.line, column: start.column))
        // A span over several lines would run past the end of the first: mark its first character only.
        if layout == .severalLines { location.length = 1 }
        return LocalizedString(text: text, location: location, keyLocation: keyLocation, isColumnExact: layout == .verbatim)
    }

    /// The longest prefix of `text` made of whole Unicode scalars that fits in `limit` UTF-8 bytes.
    private static func truncated(_ text: String, toBytes limit: Int) -> String {
        var bytes = 0
        var end = text.unicodeScalars.startIndex
        for index in text.unicodeScalars.indices {
            bytes += UTF8.width(text.unicodeScalars[index])
            if bytes > limit { break }
            end = text.unicodeScalars.index(after: index)
        }
        return String(text.unicodeScalars[..<end])
    }

}
