/// The first lines of a text as arrays of scalars, for the look-back heuristics of ``YAMLSyntaxExplainer``.
///
/// Only lines up to the one asked for are split, and each is cut at ``maxLineLength`` scalars, so
/// explaining an error near the top of a huge file stays cheap.
struct SourceLines {
    /// How many scalars of a line are kept; the heuristics look at indentation and the first value only.
    static let maxLineLength = 10_000

    private var lines: [[Unicode.Scalar]] = []

    /// Splits `text` into lines 1...`last` (fewer if the text ends sooner); a trailing CR is dropped.
    init(text: String, upTo last: Int) {
        var current: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if current.last == "\r" { current.removeLast() }
                lines.append(current)
                current = []
                if lines.count >= last { return }
            } else if current.count < Self.maxLineLength {
                current.append(scalar)
            }
        }
        if current.last == "\r" { current.removeLast() }
        lines.append(current)
    }

    /// How many lines were split.
    var count: Int { lines.count }

    /// Line `number` (1-based); empty when out of range.
    func scalars(_ number: Int) -> [Unicode.Scalar] {
        guard number >= 1, number <= lines.count else { return [] }
        return lines[number - 1]
    }
}
