/// A word-level difference between two texts (the global text and a local one), for display.
public enum TextDiff {
    /// One run of words.
    public enum Piece: Sendable, Equatable {
        /// In both texts.
        case same(String)
        /// Only in the first text.
        case removed(String)
        /// Only in the second text.
        case added(String)
    }

    /// The pieces turning `old` into `new`, by words (white space kept with the word before it).
    /// Longest common subsequence on words; texts are posts, so the quadratic table stays small.
    public static func words(from old: String, to new: String) -> [Piece] {
        let a = tokens(old), b = tokens(new)
        guard a.count * b.count <= 4_000_000 else { return [.removed(old), .added(new)] }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var pieces: [Piece] = []
        func add(_ piece: Piece) {
            switch (pieces.last, piece) {
            case (.same(let x)?, .same(let y)): pieces[pieces.count - 1] = .same(x + y)
            case (.removed(let x)?, .removed(let y)): pieces[pieces.count - 1] = .removed(x + y)
            case (.added(let x)?, .added(let y)): pieces[pieces.count - 1] = .added(x + y)
            default: pieces.append(piece)
            }
        }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                add(.same(a[i]))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                add(.removed(a[i]))
                i += 1
            } else {
                add(.added(b[j]))
                j += 1
            }
        }
        return pieces
    }

    private static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var inSpace = false
        for character in text {
            let space = character.isWhitespace
            if !space && inSpace && !current.isEmpty {
                result.append(current)
                current = ""
            }
            current.append(character)
            inSpace = space
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
