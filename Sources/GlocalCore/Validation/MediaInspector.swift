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
    /// The format found in the content, when it was recognised.
    public var format: MediaFormat?
    /// Playing time in seconds, for videos whose container holds it.
    public var durationSeconds: Double?
    /// Why the file cannot be used as it is (reported once per reference, not per network).
    public var problem: MediaProblem?

    /// Creates file facts.
    public init(
        bytes: Int, pixelWidth: Int? = nil, pixelHeight: Int? = nil, format: MediaFormat? = nil,
        durationSeconds: Double? = nil, problem: MediaProblem? = nil
    ) {
        self.bytes = bytes
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.format = format
        self.durationSeconds = durationSeconds
        self.problem = problem
    }

    /// Facts about a file of `bytes` bytes whose content decoded as `decoding`.
    public init(bytes: Int, decoding: MediaDecoding) {
        self.init(
            bytes: bytes, pixelWidth: decoding.content?.pixelWidth, pixelHeight: decoding.content?.pixelHeight,
            format: decoding.content?.format, durationSeconds: decoding.content?.durationSeconds, problem: decoding.problem)
    }

    /// Facts about a path that was refused before its content was read.
    public static func refused(_ problem: MediaProblem) -> MediaFileInfo { MediaFileInfo(bytes: 0, problem: problem) }

    /// Whether sizes, aspect ratio and duration may be checked against a network's limits.
    public var isMeasurable: Bool { problem?.allowsMeasuring ?? true }

    /// Width divided by height, when both are known.
    public var aspectRatio: Double? {
        guard let w = pixelWidth, let h = pixelHeight, w > 0, h > 0 else { return nil }
        return Double(w) / Double(h)
    }
}
