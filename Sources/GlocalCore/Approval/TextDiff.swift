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

    /// The pieces turning `old` into `new`, by words: two words match whatever the white space after them, which
    /// is marked on its own when it changed (a word added at the end marks only that word, not the one before it).
    /// Longest common subsequence on words; texts are posts, so the quadratic table stays small.
    public static func words(from old: String, to new: String) -> [Piece] {
        let a = tokens(old), b = tokens(new)
        guard a.count * b.count <= 4_000_000 else { return [.removed(old), .added(new)] }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i].word == b[j].word ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var pieces: [Piece] = []
        func add(_ piece: Piece) {
            switch (pieces.last, piece) {
            case (_, .same("")), (_, .removed("")), (_, .added("")): return
            case (.same(let x)?, .same(let y)): pieces[pieces.count - 1] = .same(x + y)
            case (.removed(let x)?, .removed(let y)): pieces[pieces.count - 1] = .removed(x + y)
            case (.added(let x)?, .added(let y)): pieces[pieces.count - 1] = .added(x + y)
            default: pieces.append(piece)
            }
        }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i].word == b[j].word {
                add(.same(a[i].word))
                if a[i].space == b[j].space {
                    add(.same(a[i].space))
                } else {
                    add(.removed(a[i].space))
                    add(.added(b[j].space))
                }
                i += 1
                j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                add(.removed(a[i].word + a[i].space))
                i += 1
            } else {
                add(.added(b[j].word + b[j].space))
                j += 1
            }
        }
        return pieces
    }

    /// A word and the white space after it (the first token's word is empty when the text starts with white space).
    private struct Token {
        var word = ""
        var space = ""
    }

    private static func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        var current = Token()
        for character in text {
            if character.isWhitespace {
                current.space.append(character)
            } else {
                if !current.space.isEmpty {
                    result.append(current)
                    current = Token()
                }
                current.word.append(character)
            }
        }
        if !current.word.isEmpty || !current.space.isEmpty { result.append(current) }
        return result
    }
}
