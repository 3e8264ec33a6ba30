/// The text of the workspace files that were read, so diagnostics can quote their lines.
///
/// Where each line starts is recorded once per file, so quoting a line costs its own length,
/// not the file's: ten thousand diagnostics in a large file stay linear.
public struct SourceFiles: Sendable {
    private var contents: [String: String] = [:]
    private var lineStarts: [String: [String.Index]] = [:]

    /// Creates an empty store.
    public init() {}

    /// Records a file's text under its workspace-relative path.
    public mutating func add(path: String, text: String) {
        contents[path] = text
        var starts = [text.startIndex]
        let utf8 = text.utf8
        var index = utf8.startIndex
        while let newline = utf8[index...].firstIndex(of: 0x0A) {
            index = utf8.index(after: newline)
            starts.append(index)
        }
        lineStarts[path] = starts
    }

    /// The file's whole text, if it was read.
    public func text(of path: String) -> String? { contents[path] }

    /// Every path recorded, sorted.
    public var paths: [String] { contents.keys.sorted() }

    /// Line `number` (1-based) of `path`, without its line break (LF or CR LF), or `nil` if there is no such line.
    public func line(_ number: Int, of path: String) -> Substring? {
        guard number >= 1, let text = contents[path], let starts = lineStarts[path], number <= starts.count else { return nil }
        let start = starts[number - 1]
        var end = number < starts.count ? text.utf8.index(before: starts[number]) : text.endIndex
        if end > start, text.utf8[text.utf8.index(before: end)] == 0x0D { end = text.utf8.index(before: end) }
        return text[start..<end]
    }
}
