/// Looks at media files for the validator (an adapter reads the disk; tests may use a dictionary).
public protocol MediaInspector: Sendable {
    /// Facts about the file at `path` (relative to the workspace root), or `nil` when there is no such file.
    func inspect(_ path: String) -> MediaFileInfo?

    /// Other files in the same folder as `path`, for "did you mean" on a mistyped path.
    func siblings(of path: String) -> [String]
}

extension MediaInspector {
    /// No suggestions by default.
    public func siblings(of path: String) -> [String] { [] }
}

/// What the validator needs to know about a media file.
public struct MediaFileInfo: Sendable, Equatable {
    /// Size in bytes.
    public var bytes: Int
    /// Width in pixels, when the header could be read (PNG, JPEG).
    public var pixelWidth: Int?
    /// Height in pixels, when the header could be read.
    public var pixelHeight: Int?

    /// Creates file facts.
    public init(bytes: Int, pixelWidth: Int? = nil, pixelHeight: Int? = nil) {
        self.bytes = bytes
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
    }

    /// Width divided by height, when both are known.
    public var aspectRatio: Double? {
        guard let w = pixelWidth, let h = pixelHeight, h > 0 else { return nil }
        return Double(w) / Double(h)
    }
}
