/// Reads an ISO base media file (MP4, MOV, M4V, HEIC) far enough to know its duration and picture size:
/// top-level boxes, then `moov/mvhd` (timescale and duration) and each `moov/trak/tkhd` (width and height).
public enum VideoContainerReader {
    /// At most this many boxes are looked at in all, so that a hostile file costs little.
    static let maxBoxes = 10_000
    /// Brands of ISO files that hold still images (HEIF), not videos.
    static let imageBrands: Set<String> = ["heic", "heix", "heim", "heis", "mif1", "msf1", "avif"]
    /// Box types a QuickTime file may start with when it has no `ftyp`.
    static let quickTimeFirstBoxes: Set<String> = ["moov", "mdat", "wide", "free", "skip"]

    /// The ISO format `head` (the first 12 bytes or more) starts with: HEIC or video, if any.
    public static func format(of head: [UInt8]) -> MediaFormat? {
        guard let type = ByteFields.fourCC(head, 4) else { return nil }
        if type == "ftyp" {
            return ByteFields.fourCC(head, 8).map { imageBrands.contains($0) ? .heic : .isoVideo }
        }
        return quickTimeFirstBoxes.contains(type) ? .isoVideo : nil
    }

    private struct Box {
        var type: String
        /// Offset of the box's payload (after its header).
        var payload: Int
        /// Offset just past the box.
        var end: Int
    }

    /// Decodes an ISO file. No `moov` at all (a placeholder holding only `ftyp`) gives no duration and no problem;
    /// a `moov` or `mdat` box that runs past the end of the file is truncation.
    public static func decode(_ source: ByteSource) -> MediaDecoding {
        let format = format(of: source.bytes(at: 0, count: 12)) ?? .isoVideo
        var content = MediaContent(format: format)
        var budget = maxBoxes
        var sawMovie = false
        for box in boxes(in: source, from: 0, to: source.count, budget: &budget) {
            if box.end > source.count {
                if box.type == "moov" || box.type == "mdat" {
                    return MediaDecoding(
                        content: content, problem: .truncated(format, "its '\(box.type)' box runs past the end of the file"))
                }
                break
            }
            guard box.type == "moov", format == .isoVideo else { continue }
            sawMovie = true
            readMovie(box, source: source, into: &content, budget: &budget)
        }
        if format == .isoVideo, sawMovie, content.durationSeconds == nil {
            return MediaDecoding(content: content, problem: .malformed(format, "its 'moov' box has no movie header (mvhd)"))
        }
        return MediaDecoding(content: content)
    }

    private static func readMovie(_ movie: Box, source: ByteSource, into content: inout MediaContent, budget: inout Int) {
        for child in boxes(in: source, from: movie.payload, to: movie.end, budget: &budget) where child.end <= movie.end {
            switch child.type {
            case "mvhd":
                let header = source.bytes(at: child.payload, count: 32)
                guard let version = header.first else { continue }
                let (scaleAt, durationAt, width) = version == 1 ? (20, 24, 8) : (12, 16, 4)
                if let scale = ByteFields.bigEndian(header, scaleAt, 4), scale > 0,
                    let duration = ByteFields.bigEndian(header, durationAt, width)
                {
                    content.durationSeconds = Double(duration) / Double(scale)
                }
            case "trak":
                for track in boxes(in: source, from: child.payload, to: child.end, budget: &budget) where track.type == "tkhd" {
                    let header = source.bytes(at: track.payload, count: 96)
                    guard let version = header.first else { continue }
                    let sizeAt = version == 1 ? 88 : 76
                    // 16.16 fixed point; audio tracks say 0 × 0.
                    if let w = ByteFields.bigEndian(header, sizeAt, 4), let h = ByteFields.bigEndian(header, sizeAt + 4, 4),
                        w >> 16 > 0, h >> 16 > 0, content.pixelWidth == nil
                    {
                        content.pixelWidth = w >> 16
                        content.pixelHeight = h >> 16
                    }
                }
            default:
                continue
            }
        }
    }

    /// The boxes between `start` and `end`, stopping at the first malformed header or when the budget is spent.
    /// A box's `end` may lie past `end` when the file is cut.
    private static func boxes(in source: ByteSource, from start: Int, to end: Int, budget: inout Int) -> [Box] {
        var found: [Box] = []
        var offset = start
        while offset + 8 <= end, budget > 0 {
            budget -= 1
            let header = source.bytes(at: offset, count: 16)
            guard let size32 = ByteFields.bigEndian(header, 0, 4), let type = ByteFields.fourCC(header, 4) else { break }
            var headerLength = 8
            var size = size32
            if size32 == 1 {
                guard header.count >= 16 else { break }
                // A 64-bit size beyond Int.max runs past any file: keep it as the largest size.
                size = ByteFields.bigEndian(header, 8, 8) ?? Int.max
                headerLength = 16
            } else if size32 == 0 {
                size = end - offset
            }
            guard size >= headerLength else { break }
            let (sum, overflow) = offset.addingReportingOverflow(size)
            let boxEnd = overflow ? Int.max : sum
            found.append(Box(type: type, payload: offset + headerLength, end: boxEnd))
            if boxEnd > end { break }
            offset = boxEnd
        }
        return found
    }
}
