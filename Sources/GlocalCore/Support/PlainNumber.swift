/// How glocal reads a number written in a workspace file: plain decimal digits only.
///
/// YAML 1.1 tools read `010` as octal 8, `0x10` as 16, `1_0` as 10 and `1:00` (base 60) as 60, and YAML 1.2
/// reads `010` as 10: a padded `day: 010` would silently move a post. glocal takes none of these forms, and no
/// number written in quotes (`"0.2"` is text, as `"3"` is), so a number means the same to every reader.
public enum PlainNumber {
    /// `text` as a whole number when it is an optional `-` or `+` and decimal digits with no leading zero
    /// (`0`, `10`, `-1`), and fits in 64 bits; otherwise `nil`.
    public static func integer(_ text: String) -> Int? {
        guard isPlainInteger(unsigned(text)) else { return nil }
        return Int(text)
    }

    /// `text` as a number when it is a whole number as ``integer(_:)`` reads it, optionally followed by `.` and
    /// decimal digits (`0.2`, `1`, `0.125`); otherwise `nil` (`.5`, `1e-1`, `0x1p-3`, `inf`, `1_0.5`).
    public static func decimal(_ text: String) -> Double? {
        let bytes = unsigned(text)
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        guard isPlainInteger(bytes[..<(point ?? bytes.endIndex)]) else { return nil }
        if let point {
            let fraction = bytes[bytes.index(after: point)...]
            guard !fraction.isEmpty, fraction.allSatisfy(isDigit) else { return nil }
        }
        return Double(text)
    }

    /// `text`'s bytes after its sign, if any.
    private static func unsigned(_ text: String) -> Substring.UTF8View {
        let bytes = text.utf8[...]
        return bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") ? bytes.dropFirst() : bytes
    }

    /// Digits with no leading zero, or `0` alone.
    private static func isPlainInteger(_ bytes: Substring.UTF8View) -> Bool {
        guard let first = bytes.first, bytes.allSatisfy(isDigit) else { return false }
        return first != UInt8(ascii: "0") || bytes.count == 1
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}
