import GlocalCore

/// Where each line of a file starts, counted as libyaml counts them (``YAMLLineCounter``), so that a node's
/// position (line, column) leads back to its source text in constant time per line.
struct SourceLineIndex {
    private let scalars: String.UnicodeScalarView
    /// The index of each line's first scalar; line 1 first.
    private let starts: [String.UnicodeScalarView.Index]

    /// Indexes `text` in one pass.
    init(_ text: String) {
        scalars = text.unicodeScalars
        var starts = [scalars.startIndex]
        var counter = YAMLLineCounter()
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let line = counter.line
            let isBreak = counter.advance(past: scalars[index])
            index = scalars.index(after: index)
            if counter.line > line {
                starts.append(index)
            } else if isBreak {
                starts[starts.count - 1] = index  // the LF of a CR LF: the line starts after it
            }
        }
        self.starts = starts
    }

    /// The text from `column` (1-based, in scalars) of `line` to the end of the file; empty when out of range.
    func text(fromLine line: Int, column: Int) -> Substring.UnicodeScalarView {
        guard line >= 1, line <= starts.count, column >= 1 else { return scalars[scalars.endIndex...] }
        let end = line < starts.count ? starts[line] : scalars.endIndex
        guard let start = scalars.index(starts[line - 1], offsetBy: column - 1, limitedBy: end) else {
            return scalars[scalars.endIndex...]
        }
        return scalars[start...]
    }
}
