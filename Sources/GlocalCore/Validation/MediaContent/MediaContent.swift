/// What a media file's content says about it, decoded from its bytes.
public struct MediaContent: Sendable, Equatable {
    /// The format found in the content.
    public var format: MediaFormat
    /// Width in pixels, when the format's header holds it.
    public var pixelWidth: Int?
    /// Height in pixels, when the format's header holds it.
    public var pixelHeight: Int?
    /// Playing time in seconds, for videos whose container holds it.
    public var durationSeconds: Double?

    /// Creates decoded facts.
    public init(format: MediaFormat, pixelWidth: Int? = nil, pixelHeight: Int? = nil, durationSeconds: Double? = nil) {
        self.format = format
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.durationSeconds = durationSeconds
    }
}

/// The outcome of decoding: the facts found (possibly partial) and the first problem, if any.
public struct MediaDecoding: Sendable, Equatable {
    /// What could be read; `nil` when the format is not recognised at all.
    public var content: MediaContent?
    /// Why the file is not usable as it is.
    public var problem: MediaProblem?

    /// Creates an outcome.
    public init(content: MediaContent?, problem: MediaProblem? = nil) {
        self.content = content
        self.problem = problem
    }
}
