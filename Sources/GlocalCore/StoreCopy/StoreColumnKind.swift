/// What one column of the store holds, which says how its values travel from SQLite to PostgreSQL and
/// how they are written in a row's canonical text (``StoreCellValue``).
public enum StoreColumnKind: String, Sendable, CaseIterable {
    /// Text (SQLite `TEXT`, PostgreSQL `text`).
    case text
    /// JSON kept as the text written (`TEXT` checked with `json_valid`, `text` checked with `glocal_json_type`):
    /// copied byte for byte, never re-encoded.
    case json
    /// A whole number (`INTEGER`, `integer` or `bigint`).
    case integer
    /// A flag (`INTEGER` 0 or 1, `boolean`).
    case boolean
    /// An instant (UTC ISO 8601 text with milliseconds, `timestamptz`).
    case instant
    /// Bytes (`BLOB`, `bytea`): sealed credentials, copied sealed.
    case bytes
}
