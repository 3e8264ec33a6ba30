/// The text of the workspace files that were read, so diagnostics can quote their lines.
public struct SourceFiles: Sendable {
    private var contents: [String: String] = [:]

    /// Creates an empty store.
    public init() {}

    /// Records a file's text under its workspace-relative path.
    public mutating func add(path: String, text: String) { contents[path] = text }

    /// The file's whole text, if it was read.
    public func text(of path: String) -> String? { contents[path] }

    /// Every path recorded, sorted.
    public var paths: [String] { contents.keys.sorted() }

    /// Line `number` (1-based) of `path`, without its line break, or `nil` if there is no such line.
    public func line(_ number: Int, of path: String) -> Substring? {
        guard number >= 1, let text = contents[path] else { return nil }
        var current = 1
        var start = text.startIndex
        while current < number {
            guard let newline = text[start...].firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) else { return nil }
            start = text.index(after: newline)
            current += 1
        }
        let end = text[start...].firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) ?? text.endIndex
        return text[start..<end]
    }
}
