/// The text of the workspace files that were read, so diagnostics can quote their lines.
///
/// Where each line starts and ends is recorded once per file, so quoting a line costs its own length,
/// not the file's: ten thousand diagnostics in a large file stay linear. Lines end where YAML ends them
/// (``YAMLLineCounter``: LF, CR LF, a lone CR, NEL, LS, PS), so the quoted line is the one libyaml's
/// position names.
public struct SourceFiles: Sendable {
    private var contents: [String: String] = [:]
    private var lines: [String: [Range<String.Index>]] = [:]

    /// Creates an empty store.
    public init() {}

    /// Records a file's text under its workspace-relative path.
    public mutating func add(path: String, text: String) {
        contents[path] = text
        var ranges: [Range<String.Index>] = []
        var counter = YAMLLineCounter()
        let scalars = text.unicodeScalars
        var start = scalars.startIndex, end = start
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let line = counter.line
            let isBreak = counter.advance(past: scalars[index])
            index = scalars.index(after: index)
            if !isBreak {
                end = index
            } else if counter.line > line {
                ranges.append(start..<end)
                start = index
                end = index
            } else {
                start = index  // the LF of a CR LF
                end = index
            }
        }
        ranges.append(start..<end)
        lines[path] = ranges
    }

    /// The file's whole text, if it was read.
    public func text(of path: String) -> String? { contents[path] }

    /// Every path recorded, sorted.
    public var paths: [String] { contents.keys.sorted() }

    /// Line `number` (1-based) of `path`, without its line break, or `nil` if there is no such line.
    public func line(_ number: Int, of path: String) -> Substring? {
        guard number >= 1, let text = contents[path], let ranges = lines[path], number <= ranges.count else { return nil }
        return text[ranges[number - 1]]
    }
}
