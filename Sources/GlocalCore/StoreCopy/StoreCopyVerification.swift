/// The check after a store move: for each table, the source's and the copy's row counts and checksums,
/// which must be the same; and the table of them `glocal store migrate` prints.
public struct StoreCopyVerification: Sendable, Equatable {
    /// One table's comparison.
    public struct Line: Sendable, Equatable {
        /// The table (its SQLite name).
        public var table: String
        /// What the source holds.
        public var source: StoreTableTally
        /// What the copy holds (`nil`: the table was not read back).
        public var copy: StoreTableTally?

        /// Whether the copy has the same rows, with the same values.
        public var matches: Bool { copy.map { $0.rows == source.rows && $0.checksum == source.checksum } ?? false }
    }

    /// One line per table, in copy order.
    public var lines: [Line]

    /// Compares `source` with `copy`, table by table (in `source`'s order; a table missing from `copy` differs).
    public init(source: [StoreTableTally], copy: [StoreTableTally]) {
        let copied = Dictionary(copy.map { ($0.table, $0) }, uniquingKeysWith: { first, _ in first })
        lines = source.map { Line(table: $0.table, source: $0, copy: copied[$0.table]) }
    }

    /// Whether every table matches.
    public var matches: Bool { lines.allSatisfy(\.matches) }

    /// The tables that differ, in copy order.
    public var differingTables: [String] { lines.filter { !$0.matches }.map(\.table) }

    /// How many rows the source holds in all.
    public var totalRows: Int { lines.reduce(0) { $0 + $1.source.rows } }

    /// The table printed after a move: each table's rows on both sides, the first 16 hex digits of each
    /// checksum (one column when they are the same) and `ok` or `DIFFERS`.
    public var table: String {
        let header = ["table", "SQLite rows", "PostgreSQL rows", "SHA-256 of the rows", ""]
        let rows = lines.map { line -> [String] in
            let sourceSum = String(line.source.checksum.prefix(16))
            let copySum = line.copy.map { String($0.checksum.prefix(16)) } ?? "-"
            return [
                line.table, String(line.source.rows), line.copy.map { String($0.rows) } ?? "-",
                sourceSum == copySum ? sourceSum : "\(sourceSum) ≠ \(copySum)", line.matches ? "ok" : "DIFFERS",
            ]
        }
        let all = [header] + rows
        let widths = (0..<header.count).map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            zip(row, widths).enumerated().map { index, cell in
                let (text, width) = cell
                let padding = String(repeating: " ", count: width - text.count)
                return index == 1 || index == 2 ? padding + text : text + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
