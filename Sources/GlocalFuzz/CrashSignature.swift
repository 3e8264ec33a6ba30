import Foundation

/// A crash's signature from the worker's standard error: Swift's `Fatal error` line (without the path of the
/// file that reported it) and the first backtrace frame in glocal's own sources, or else the signal.
enum CrashSignature {
    static func of(errors: String, signal: Int32?) -> String {
        let lines = errors.split(separator: "\n").map(String.init)
        var parts: [String] = []
        if let fatal = lines.first(where: { $0.contains("Fatal error") }) {
            parts.append(shortened(fatal))
        } else if let failure = lines.first(where: { $0.hasPrefix("*** Swift runtime failure: ") }) {
            parts.append(failure.trimmingCharacters(in: CharacterSet(charactersIn: "* ")))
        } else if let top = lines.first(where: { $0.range(of: #"^\s*0 .*0x[0-9a-f]+ "#, options: .regularExpression) != nil }) {
            parts.append("in " + describe(frame: top))
        }
        if let frame = lines.first(where: { $0.contains("/Sources/Glocal") && $0.contains(" at ") }) {
            parts.append("at " + describe(frame: frame))
        }
        if parts.isEmpty { parts.append(signal.map { "signal \($0) (\(name(of: $0)))" } ?? "worker exited") }
        return parts.joined(separator: " ")
    }

    /// `Swift/Array.swift:42: Fatal error: Index out of range` stays; a long leading path is cut to the file name.
    static func shortened(_ fatal: String) -> String {
        let trimmed = fatal.trimmingCharacters(in: .whitespaces)
        guard let range = trimmed.range(of: "Fatal error") else { return trimmed }
        let location = trimmed[..<range.lowerBound].split(separator: "/").last.map(String.init) ?? ""
        // Sizes and counts in the message vary from input to input; the class does not.
        let message = trimmed[range.lowerBound...].replacingOccurrences(of: #"[0-9]+"#, with: "N", options: .regularExpression)
        return location + message
    }

    /// `3 [ra] 0x… LocalDate.adding(days:) + 52 in glocal-fuzz at /…/LocalDate.swift:60:13`
    /// → `LocalDate.adding(days:) (LocalDate.swift:60)`.
    static func describe(frame: String) -> String {
        var function = frame
        if let address = frame.range(of: #"0x[0-9a-f]+ "#, options: .regularExpression) {
            function = String(frame[address.upperBound...])
        }
        if let plus = function.range(of: " + ") { function = String(function[..<plus.lowerBound]) }
        if let inModule = function.range(of: " in ") { function = String(function[..<inModule.lowerBound]) }
        var place = ""
        if let at = frame.range(of: " at ", options: .backwards) {
            let location = frame[at.upperBound...].split(separator: "/").last.map(String.init) ?? ""
            place = " (" + location.split(separator: ":").prefix(2).joined(separator: ":") + ")"
        }
        return function.trimmingCharacters(in: .whitespaces) + place
    }

    static func name(of signal: Int32) -> String {
        switch signal {
        case SIGILL: return "SIGILL"
        case SIGTRAP: return "SIGTRAP"
        case SIGSEGV: return "SIGSEGV"
        case SIGBUS: return "SIGBUS"
        case SIGABRT: return "SIGABRT"
        case SIGKILL: return "SIGKILL"
        case SIGFPE: return "SIGFPE"
        default: return "signal"
        }
    }
}
