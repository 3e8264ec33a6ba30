import GlocalCore

/// The first lines of a text as arrays of scalars, for the look-back heuristics of ``YAMLSyntaxExplainer``.
///
/// Only lines up to the one asked for are split, and each is cut at ``maxLineLength`` scalars, so
/// explaining an error near the top of a huge file stays cheap.
struct SourceLines {
    /// How many scalars of a line are kept; the heuristics look at indentation and the first value only.
    static let maxLineLength = 10_000

    private var lines: [[Unicode.Scalar]] = []
    /// What ended each line, and its column: LF (also for CR LF), a lone CR, NEL, LS or PS; `nil` for the text's
    /// last line.
    private var breaks: [LineBreak?] = []

    /// The scalar that ended a line, and the column (in scalars) it stands in.
    struct LineBreak: Equatable {
        let scalar: Unicode.Scalar
        let column: Int
    }

    /// Splits `text` into lines 1...`last` (fewer if the text ends sooner) where YAML ends them
    /// (``YAMLLineCounter``), without their line breaks.
    init(text: String, upTo last: Int) {
        var current: [Unicode.Scalar] = []
        var counter = YAMLLineCounter()
        var pendingCarriageReturn: Int?  // the column of a CR whose kind is not known yet
        for scalar in text.unicodeScalars {
            if let column = pendingCarriageReturn {
                pendingCarriageReturn = nil
                breaks.append(LineBreak(scalar: scalar == "\n" ? "\n" : "\r", column: column))
                if lines.count >= last { return }
            }
            let line = counter.line, column = counter.column
            if counter.advance(past: scalar) {
                guard counter.line > line else { continue }  // the LF of a CR LF, already counted
                lines.append(current)
                current = []
                // A CR's kind (lone, or the start of CR LF) is known at the next scalar.
                if scalar == "\r" {
                    pendingCarriageReturn = column
                    continue
                }
                breaks.append(LineBreak(scalar: scalar, column: column))
                if lines.count >= last { return }
            } else if current.count < Self.maxLineLength {
                current.append(scalar)
            }
        }
        if let column = pendingCarriageReturn {
            breaks.append(LineBreak(scalar: "\r", column: column))
            if lines.count >= last { return }
        }
        lines.append(current)
        breaks.append(nil)
    }

    /// How many lines were split.
    var count: Int { lines.count }

    /// What ended line `number`: LF (also for CR LF), a lone CR, NEL, LS or PS; `nil` for the text's last line or
    /// out of range.
    func lineBreak(_ number: Int) -> LineBreak? {
        guard number >= 1, number <= breaks.count else { return nil }
        return breaks[number - 1]
    }

    /// Line `number` (1-based); empty when out of range.
    func scalars(_ number: Int) -> [Unicode.Scalar] {
        guard number >= 1, number <= lines.count else { return [] }
        return lines[number - 1]
    }
}
