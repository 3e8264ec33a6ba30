/// Why a media file cannot be used as it is, found by reading its path and content (not a network's rule).
public enum MediaProblem: Sendable, Equatable {
    /// The path itself cannot name a workspace file (control characters, direction marks, too long…).
    case pathInvalid(String)
    /// The path, once symbolic links are resolved, leads outside the workspace: the file is never read.
    case outsideWorkspace
    /// The path names something other than a regular file (a folder, a FIFO, a device, a socket).
    case notRegularFile(String)
    /// The file exists but could not be opened.
    case unreadable
    /// The content is no format glocal knows: `expected` is what the name promised.
    case unrecognized(expected: MediaFormat, startsWithText: Bool)
    /// The content is one format and the name promises another.
    case formatMismatch(expected: MediaFormat, actual: MediaFormat)
    /// The file stops before its format says it ends.
    case truncated(MediaFormat, String)
    /// The content starts like the format but its header is broken.
    case malformed(MediaFormat, String)
    /// Zero, or more than glocal accepts, pixels in one direction or in all.
    case dimensions(width: Int, height: Int, reason: String)

    /// The rule this problem is reported under.
    public var rule: DiagnosticRule {
        switch self {
        case .pathInvalid: return .mediaPath
        case .outsideWorkspace: return .mediaOutsideWorkspace
        case .notRegularFile: return .mediaNotAFile
        case .unreadable: return .fileUnreadable
        case .unrecognized, .formatMismatch, .malformed: return .mediaContent
        case .truncated: return .mediaTruncated
        case .dimensions: return .mediaDimensions
        }
    }

    /// Whether the file may still be measured (size, aspect ratio, duration) despite the problem.
    public var allowsMeasuring: Bool {
        switch self {
        case .truncated, .formatMismatch: return true
        default: return false
        }
    }

    /// The message for the media file at `path` (the path as written, quoted and escaped by the caller's renderer).
    public func message(for path: String) -> String {
        let path = MediaPath.shown(path)
        switch self {
        case let .pathInvalid(reason): return "media path '\(path)' is not usable: \(reason)"
        case .outsideWorkspace: return "media path '\(path)' leads outside the workspace"
        case let .notRegularFile(kind): return "media path '\(path)' is \(kind), not a regular file"
        case .unreadable: return "media file '\(path)' cannot be read"
        case let .unrecognized(expected, _):
            let what = MediaFormat.videoFormats.contains(expected) ? "a video" : "an image"
            return "media file '\(path)' is not \(what): its content is not \(expected.displayName)"
        case let .formatMismatch(expected, actual):
            return "media file '\(path)' is named like \(expected.displayName) but its content is \(actual.displayName)"
        case let .truncated(format, detail): return "media file '\(path)' is a truncated \(format.displayName): \(detail)"
        case let .malformed(format, detail): return "media file '\(path)' is a broken \(format.displayName): \(detail)"
        case let .dimensions(width, height, reason): return "image '\(path)' is \(width)×\(height) pixels: \(reason)"
        }
    }

    /// What to do about it.
    public var notes: [String] {
        switch self {
        case .pathInvalid:
            return ["write media paths relative to the workspace root with visible characters, e.g. assets/hydra/teaser-4x5.jpg"]
        case .outsideWorkspace:
            return ["a symbolic link points outside the workspace; glocal reads only files inside it: copy the file into assets/"]
        case .notRegularFile: return ["point to an image or video file under assets/"]
        case .unreadable: return ["check the file's permissions"]
        case let .unrecognized(expected, text):
            let start = text ? ["the file starts with text, not with \(expected.displayName) data"] : []
            return start + ["export the file again as \(expected.displayName), or fix its name"]
        case let .formatMismatch(_, actual):
            return ["rename it to .\(actual.usualExtension) or convert it: networks refuse files whose name and content disagree"]
        case .truncated: return ["the file was cut short (an interrupted copy or download): export or copy it again"]
        case .malformed: return ["export the file again"]
        case .dimensions:
            return ["images must be 1 to 65 535 pixels wide and high, and at most \(MediaLimits.maxMegapixels) megapixels in all"]
        }
    }
}

/// Bounds glocal applies to every media file, whatever the network.
public enum MediaLimits {
    /// The largest width or height accepted (PNG and JPEG allow more; no network does).
    public static let maxPixelSide = 65_535
    /// The largest pixel count accepted, in millions.
    public static let maxMegapixels = 100
    /// The longest media path accepted, in UTF-8 bytes (Linux's PATH_MAX is 4096).
    public static let maxPathBytes = 1024
    /// The longest single path component accepted, in UTF-8 bytes (the usual file system limit).
    public static let maxComponentBytes = 255
}

extension MediaFormat {
    /// Formats glocal treats as videos.
    static let videoFormats: Set<MediaFormat> = [.gif, .isoVideo, .webm]
}
