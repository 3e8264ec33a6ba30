/// What to send for a request's `Range` header on a file of a known size (RFC 9110 §14): the whole file, one
/// part of it (206), or nothing (416). Only a single `bytes` range is honoured; a header that is not one (another
/// unit, several ranges, a malformed one) is ignored and the whole file sent, as the RFC allows.
public enum ByteRangeRequest: Equatable, Sendable {
    /// No usable `Range`: the whole file, 200.
    case whole
    /// The bytes `first...last` (both inside the file), 206.
    case part(first: Int, last: Int)
    /// A range that starts past the end of the file (or an empty suffix), 416 with `Content-Range: bytes */SIZE`.
    case unsatisfiable

    /// The answer to `header` (the `Range` field's value, `nil` without one) for a file of `size` bytes.
    public init(header: String?, size: Int) {
        guard let header else {
            self = .whole
            return
        }
        let text = header.trimmingWhitespace
        guard text.lowercased().hasPrefix("bytes="), !text.contains(",") else {
            self = .whole
            return
        }
        let spec = text.dropFirst("bytes=".count).trimmingWhitespace
        guard let dash = spec.firstIndex(of: "-") else {
            self = .whole
            return
        }
        let (start, end) = (String(spec[..<dash]), String(spec[spec.index(after: dash)...]))
        if start.isEmpty {
            // A suffix: the last N bytes.
            guard let count = Self.number(end) else {
                self = .whole
                return
            }
            self = count == 0 || size == 0 ? .unsatisfiable : .part(first: max(0, size - count), last: size - 1)
            return
        }
        guard let first = Self.number(start) else {
            self = .whole
            return
        }
        var last = size - 1
        if !end.isEmpty {
            guard let given = Self.number(end), given >= first else {
                self = .whole
                return
            }
            last = min(given, size - 1)
        }
        self = first >= size ? .unsatisfiable : .part(first: first, last: last)
    }

    /// How many bytes are sent for a file of `size` bytes.
    public func length(of size: Int) -> Int {
        switch self {
        case .whole: return size
        case .part(let first, let last): return last - first + 1
        case .unsatisfiable: return 0
        }
    }

    /// A non-negative decimal number; one too large for `Int` is `Int.max` (it is past the end of any file).
    static func number(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text) ?? Int.max
    }
}

extension StringProtocol {
    /// The text without spaces and tabs at either end.
    fileprivate var trimmingWhitespace: String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" { view.removeLast() }
        return String(view)
    }
}
