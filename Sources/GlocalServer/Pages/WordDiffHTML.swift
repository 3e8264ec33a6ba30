import GlocalCore

/// A word diff (`TextDiff.words`) as HTML: removed words in `<del>`, added ones in `<ins>`.
enum WordDiffHTML {
    /// Both texts side by side: the first with what it lost marked, the second with what it gained.
    static func sides(from old: String, to new: String) -> (old: HTML, new: HTML) {
        let pieces = TextDiff.words(from: old, to: new)
        return (marked(pieces, removed: true, added: false), marked(pieces, removed: false, added: true))
    }

    /// One text with both: what was removed and what was added, in place.
    static func inline(from old: String, to new: String) -> HTML {
        marked(TextDiff.words(from: old, to: new), removed: true, added: true)
    }

    /// `pieces` with the removed words (if `removed`) and the added ones (if `added`) marked; the others left out.
    private static func marked(_ pieces: [TextDiff.Piece], removed: Bool, added: Bool) -> HTML {
        let parts = pieces.map { piece -> HTML in
            switch piece {
            case .same(let text): return "\(text)"
            case .removed(let text): return removed ? "<del>\(text)</del>" : .empty
            case .added(let text): return added ? "<ins>\(text)</ins>" : .empty
            }
        }
        return "\(parts)"
    }
}
