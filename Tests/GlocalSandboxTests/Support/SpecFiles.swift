import Foundation

/// The networks' published specifications in `../shared/specs` beside the package, read at test time.
enum SpecFiles {
    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String {
            "the networks' specifications are not at \(path): check out ../shared/specs beside the package (see its README)"
        }
    }

    /// `../shared/specs` relative to the package root (three folders above this file).
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/specs")

    /// The bytes of a spec file, or a clear error naming where the specs were expected.
    static func data(_ relativePath: String) throws -> Data {
        let url = root.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
        return try Data(contentsOf: url)
    }

    /// A spec file as text.
    static func text(_ relativePath: String) throws -> String { String(decoding: try data(relativePath), as: UTF8.self) }

    /// A spec file as JSON.
    static func json(_ relativePath: String) throws -> Any { try JSONSerialization.jsonObject(with: try data(relativePath)) }

    /// The lines of an interop test vector file, without comments and blank lines (other whitespace is kept).
    static func vectors(_ name: String) throws -> [String] {
        try text("atproto-interop-tests/syntax/\(name)").components(separatedBy: "\n")
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}
