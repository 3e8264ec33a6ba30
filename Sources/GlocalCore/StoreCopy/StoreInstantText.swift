/// The canonical text of an instant in a store move: `YYYY-MM-DDTHH:MM:SS.ffffffZ`, UTC, microseconds
/// (PostgreSQL's precision). SQLite's store text (milliseconds, ``UTCTimestamp``) and PostgreSQL's
/// `timestamptz` both map to it exactly, without going through a floating-point `Date`.
public enum StoreInstantText {
    /// The format PostgreSQL's `to_char` writes a `timestamptz` in (at time zone UTC) for ``fromPostgres(_:)``.
    public static let postgresFormat = "YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\""

    /// The canonical form of an instant as the SQLite store writes it (`2026-12-01T08:00:00.123Z` or
    /// `2026-12-01T08:00:00Z`); `nil` for any other text.
    public static func fromStore(_ text: String) -> String? {
        guard UTCTimestamp.date(from: text) != nil else { return nil }
        let bytes = Array(text.utf8)
        let seconds = String(decoding: bytes[0..<19], as: UTF8.self)
        let fraction = bytes.count == 24 ? String(decoding: bytes[20..<23], as: UTF8.self) : ""
        return seconds + "." + fraction + String(repeating: "0", count: 6 - fraction.count) + "Z"
    }

    /// The canonical form of what PostgreSQL's `to_char(value AT TIME ZONE 'UTC', postgresFormat)` wrote;
    /// `nil` if it is not of that shape (a year past 9999, say).
    public static func fromPostgres(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count == 27, bytes[19] == UInt8(ascii: "."), bytes[26] == UInt8(ascii: "Z"),
            UTCTimestamp.date(from: String(decoding: bytes[0..<19], as: UTF8.self) + "Z") != nil,
            bytes[20..<26].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return text
    }
}
