/// The accounts CSV's `boards` cell: a Pinterest account's boards as `ID:NAME` entries separated by `;`, e.g.
/// `1022106146619306511:Winter skincare;1022106146619306512:Hydra Glow`.
///
/// The id is the digits Pinterest gives the board; the name is everything after the first `:` (so a name may hold
/// `:`). In a name, `\;` stands for a semicolon and `\\` for a backslash (`\:` is read as `:` too); spaces around an
/// entry, its id and its name are dropped; one trailing `;` is allowed.
public enum PinterestBoardsCell {
    /// What is wrong with a cell: a message and the characters it is about (offsets into the cell's text).
    public struct Problem: Sendable, Equatable {
        /// What is wrong, and how to write it.
        public var message: String
        /// The offset of the first character concerned, in characters from the cell's start.
        public var offset: Int
        /// How many characters, at least 1.
        public var length: Int
        /// Hints.
        public var notes: [String]
    }

    /// The example shown in notes.
    public static let example = "1022106146619306511:Winter skincare;1022106146619306512:Hydra Glow"

    /// The cell's text for `boards`, names escaped so that `parse` gives them back.
    public static func render(_ boards: [PinterestBoard]) -> String {
        boards.map { board in
            board.id + ":"
                + board.name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
        }.joined(separator: ";")
    }

    /// The boards `text` lists (empty text: none), or every problem found.
    public static func parse(_ text: String) -> (boards: [PinterestBoard], problems: [Problem]) {
        var problems: [Problem] = []
        var entries: [[(character: Character, offset: Int, escaped: Bool)]] = [[]]
        var entryStarts = [0]
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\" {
                if index + 1 < characters.count, ["\\", ";", ":"].contains(characters[index + 1]) {
                    entries[entries.count - 1].append((characters[index + 1], index, true))
                    index += 2
                    continue
                }
                problems.append(
                    Problem(
                        message: index + 1 < characters.count
                            ? "'\\\(characters[index + 1])' is not an escape in a boards cell" : "a boards cell ends with '\\'",
                        offset: index, length: min(2, characters.count - index),
                        notes: ["in a board's name write \\; for a semicolon and \\\\ for a backslash"]))
                index += 1
                continue
            }
            if character == ";" {
                entries.append([])
                entryStarts.append(index + 1)
            } else {
                entries[entries.count - 1].append((character, index, false))
            }
            index += 1
        }
        var boards: [PinterestBoard] = []
        for (number, entry) in entries.enumerated() {
            let trimmed = trim(entry)
            guard let first = trimmed.first, let last = trimmed.last else {
                if number == entries.count - 1, number > 0 { continue }  // one trailing `;`
                if entries.count == 1 { continue }  // an empty cell
                problems.append(
                    Problem(
                        message: "an empty board entry in the boards cell", offset: max(0, entryStarts[number] - 1), length: 1,
                        notes: ["boards are ID:NAME entries separated by ';', e.g. \(example)"]))
                continue
            }
            let entryLength = last.offset - first.offset + 1
            guard let colon = trimmed.firstIndex(where: { $0.character == ":" && !$0.escaped }) else {
                problems.append(
                    Problem(
                        message: "board '\(String(trimmed.map(\.character)))' has no ':' between its id and its name",
                        offset: first.offset, length: entryLength, notes: ["write each board as ID:NAME, e.g. \(example)"]))
                continue
            }
            let idPart = trim(Array(trimmed[..<colon]))
            let namePart = trim(Array(trimmed[(colon + 1)...]))
            let id = String(idPart.map(\.character))
            let name = String(namePart.map(\.character))
            guard !id.isEmpty, id.count <= 20, id.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                let place = idPart.first ?? trimmed[colon]
                problems.append(
                    Problem(
                        message: id.isEmpty ? "a board has no id before ':'" : "board id '\(id)' is not a Pinterest board id",
                        offset: place.offset, length: max(1, (idPart.last?.offset ?? place.offset) - place.offset + 1),
                        notes: ["a board id is the digits Pinterest gives the board (GET /v5/boards lists them)"]))
                continue
            }
            guard !namePart.isEmpty else {
                problems.append(
                    Problem(
                        message: "board \(id) has no name after ':'", offset: trimmed[colon].offset, length: 1,
                        notes: ["campaigns name a board in 'board:' by its id or name, e.g. \(example)"]))
                continue
            }
            if let twin = boards.first(where: { $0.id == id || $0.name.lowercased() == name.lowercased() }) {
                problems.append(
                    Problem(
                        message: "board '\(name)' (\(id)) repeats board '\(twin.name)' (\(twin.id))", offset: first.offset,
                        length: entryLength,
                        notes: ["each board id and name appears once, so that 'board:' names one board"]))
                continue
            }
            boards.append(PinterestBoard(id: id, name: name))
        }
        return (problems.isEmpty ? boards : [], problems)
    }

    /// `entry` without unescaped spaces at either end.
    private static func trim(_ entry: [(character: Character, offset: Int, escaped: Bool)])
        -> [(character: Character, offset: Int, escaped: Bool)]
    {
        var slice = entry[...]
        while let first = slice.first, !first.escaped, first.character.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, !last.escaped, last.character.isWhitespace { slice = slice.dropLast() }
        return Array(slice)
    }
}
