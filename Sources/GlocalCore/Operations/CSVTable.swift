/// A CSV file read as RFC 4180 (comma-separated, `"` quoting with `""` for a quote, CRLF or LF line
/// ends), each cell with its place: the line it starts on and its column, for compiler-like errors.
public struct CSVTable: Sendable, Equatable {
    /// One cell: its text (unquoted) and where it starts.
    public struct Cell: Sendable, Equatable {
        /// The cell's text, quotes removed.
        public var text: String
        /// Its 1-based line.
        public var line: Int
        /// Its 1-based column (in characters).
        public var column: Int
        /// How many characters it spans on its line (quotes included), at least 1.
        public var length: Int
    }

    /// The records, the header first; an empty last line is not a record.
    public var records: [[Cell]]

    /// The syntax error that stopped reading, if any.
    public var syntaxError: (message: String, line: Int, column: Int)? {
        get { error.map { ($0.message, $0.line, $0.column) } }
        set { error = newValue.map { SyntaxError(message: $0.message, line: $0.line, column: $0.column) } }
    }
    private var error: SyntaxError?

    private struct SyntaxError: Sendable, Equatable {
        var message: String
        var line: Int
        var column: Int
    }

    /// Reads `text`.
    public init(parsing text: String) {
        records = []
        var record: [Cell] = []
        var characters = Array(text)
        if characters.first == "\u{FEFF}" { characters.removeFirst() }
        var index = 0
        var line = 1, column = 1
        var atRecordStart = true
        while index < characters.count || !atRecordStart {
            let startLine = line, startColumn = column
            var value = ""
            var length = 0
            if index < characters.count, characters[index] == "\"" {
                index += 1
                column += 1
                length += 1
                var closed = false
                while index < characters.count {
                    let character = characters[index]
                    if character == "\"" {
                        if index + 1 < characters.count, characters[index + 1] == "\"" {
                            value.append("\"")
                            index += 2
                            column += 2
                            length += 2
                            continue
                        }
                        index += 1
                        column += 1
                        length += 1
                        closed = true
                        break
                    }
                    value.append(character)
                    index += 1
                    if character == "\n" || character == "\r\n" || character == "\r" {
                        line += 1
                        column = 1
                    } else {
                        column += 1
                        length += 1
                    }
                }
                if !closed {
                    error = SyntaxError(message: "this quoted cell is never closed", line: startLine, column: startColumn)
                    return
                }
                if index < characters.count, ![",", "\n", "\r\n", "\r"].contains(characters[index]) {
                    error = SyntaxError(
                        message: "text after a closing quote: a quote inside a quoted cell is written \"\"", line: line,
                        column: column)
                    return
                }
            } else {
                while index < characters.count, ![",", "\n", "\r\n", "\r"].contains(characters[index]) {
                    if characters[index] == "\"" {
                        error = SyntaxError(
                            message: "a quote inside an unquoted cell: quote the whole cell and write the quote as \"\"",
                            line: line, column: column)
                        return
                    }
                    value.append(characters[index])
                    index += 1
                    column += 1
                    length += 1
                }
            }
            record.append(Cell(text: value, line: startLine, column: startColumn, length: max(1, length)))
            atRecordStart = false
            if index < characters.count, characters[index] == "," {
                index += 1
                column += 1
                continue
            }
            // End of record (a line end or the end of the text).
            if index < characters.count { index += 1 }
            line += 1
            column = 1
            atRecordStart = true
            // A blank line is not a record (a quoted empty cell, `""`, is).
            if !(record.count == 1 && record[0].text.isEmpty && record[0].length == 1) { records.append(record) }
            record = []
            if index >= characters.count { break }
        }
    }

    /// Equal when records and errors are.
    public static func == (lhs: CSVTable, rhs: CSVTable) -> Bool { lhs.records == rhs.records && lhs.error == rhs.error }
}
