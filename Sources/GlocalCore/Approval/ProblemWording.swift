/// A diagnostic of an edit in plain words for the person typing: no file, line or rule id (those stay
/// available next to it), the network's own count where the rule is about length.
public enum ProblemWording {
    /// `diagnostic` in plain words; `measurement` is the text's count, for the length rules.
    public static func plain(_ diagnostic: Diagnostic, measurement: TextMeasurement? = nil) -> String {
        if let measurement {
            let name = measurement.network.displayName
            switch diagnostic.rule {
            case DiagnosticRule.textTooLong.id where measurement.length > measurement.limit:
                let over = measurement.length - measurement.limit
                return "Too long for \(name): \(measurement.length) of \(measurement.limit) characters as \(name) counts them, "
                    + "\(over) too many."
            case DiagnosticRule.textTooManyBytes.id:
                if let bytes = measurement.bytes, let limit = measurement.byteLimit, bytes > limit {
                    return "Too long for \(name): \(bytes) of \(limit) bytes, \(bytes - limit) too many."
                }
            case DiagnosticRule.textEmpty.id:
                return "The text is empty: \(name) refuses a post without text."
            default: break
            }
        }
        var message = Substring(diagnostic.message)
        // Messages start with `network/account: `, which the page already shows.
        if let colon = message.range(of: ": "), message[..<colon.lowerBound].contains("/"),
            !message[..<colon.lowerBound].contains(" ")
        {
            message = message[colon.upperBound...]
        }
        var sentence = message.prefix(1).uppercased() + message.dropFirst()
        if !sentence.hasSuffix(".") { sentence += "." }
        if let note = diagnostic.notes.first {
            sentence += " " + note.prefix(1).uppercased() + note.dropFirst() + (note.hasSuffix(".") ? "" : ".")
        }
        return sentence
    }
}
