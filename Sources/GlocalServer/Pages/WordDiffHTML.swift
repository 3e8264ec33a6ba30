import GlocalCore

/// A word diff (`TextDiff.words`) as HTML: removed words in `<del>`, added ones in `<ins>`.
enum WordDiffHTML {
    /// Both texts side by side: the first with what it lost marked, the second with what it gained.
    static func sides(from old: String, to new: String) -> (old: HTML, new: HTML) {
        let pieces = TextDiff.words(from: old, to: new)
        let left = pieces.map { piece -> HTML in
            switch piece {
            case .same(let text): return "\(text)"
            case .removed(let text): return "<del>\(text)</del>"
            case .added: return .empty
            }
        }
        let right = pieces.map { piece -> HTML in
            switch piece {
            case .same(let text): return "\(text)"
            case .added(let text): return "<ins>\(text)</ins>"
            case .removed: return .empty
            }
        }
        return ("\(left)", "\(right)")
    }

    /// One text with both: what was removed and what was added, in place.
    static func inline(from old: String, to new: String) -> HTML {
        let pieces = TextDiff.words(from: old, to: new).map { piece -> HTML in
            switch piece {
            case .same(let text): return "\(text)"
            case .removed(let text): return "<del>\(text)</del>"
            case .added(let text): return "<ins>\(text)</ins>"
            }
        }
        return "\(pieces)"
    }
}
