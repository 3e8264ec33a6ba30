/// Why a store move stopped. Nothing of the copy is committed when one is thrown.
public enum StoreCopyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A source value is not what its column holds (the row named by its primary key; the value is never shown).
    case unexpectedValue(table: String, row: String, column: String, expected: StoreColumnKind, found: String)
    /// The target already holds rows: (table, rows) pairs.
    case targetNotEmpty(target: String, tables: [StoreTableTally])
    /// The source has tables this glocal does not know how to copy.
    case unhandledTables([String])
    /// The source lacks tables of the plan (not a glocal store, or one this glocal cannot read).
    case missingTables([String])
    /// The copy read back differs from the source: nothing was committed.
    case verificationFailed(StoreCopyVerification)

    /// A one-paragraph explanation.
    public var description: String {
        switch self {
        case .unexpectedValue(let table, let row, let column, let expected, let found):
            return "\(table) row \(row): column \(column) holds \(found), not \(Self.described(expected)): "
                + "the store was not written by glocal; nothing was copied"
        case .targetNotEmpty(let target, let tables):
            let held = tables.map { "\($0.table): \($0.rows) row\($0.rows == 1 ? "" : "s")" }.joined(separator: ", ")
            return "\(target) already holds data (\(held)): move into an empty database, or a new schema "
                + "(add ?schema=NAME to the URL); nothing was copied"
        case .unhandledTables(let tables):
            return "the SQLite store has tables this glocal cannot move (\(tables.joined(separator: ", "))): "
                + "it was written by a newer glocal; nothing was copied"
        case .missingTables(let tables):
            return "the SQLite store lacks the tables \(tables.joined(separator: ", ")): it is not a glocal store"
        case .verificationFailed(let verification):
            return "the copy differs from the source in \(verification.differingTables.joined(separator: ", ")); "
                + "nothing was committed:\n\(verification.table)"
        }
    }

    private static func described(_ kind: StoreColumnKind) -> String {
        switch kind {
        case .text: return "text"
        case .json: return "JSON text"
        case .integer: return "an integer"
        case .boolean: return "0 or 1"
        case .instant: return "an instant like 2026-12-01T08:00:00.000Z"
        case .bytes: return "bytes"
        }
    }
}
