/// Decodes PNG, JPEG, GIF and WebP far enough to know the format, the pixel size and whether the file is whole.
///
/// Pure functions over a ``ByteSource``: they read headers and the file's last bytes, never the pixel data.
public enum ImageDecoder {
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// At most this many JPEG segments are walked before the frame header (real files have a dozen).
    static let maxJPEGSegments = 4096

    /// The image format whose signature `head` starts with, if any.
    public static func format(of head: [UInt8]) -> MediaFormat? {
        if head.starts(with: pngSignature) { return .png }
        if head.count >= 3, head[0] == 0xFF, head[1] == 0xD8, head[2] == 0xFF { return .jpeg }
        if head.starts(with: Array("GIF87a".utf8)) || head.starts(with: Array("GIF89a".utf8)) { return .gif }
        if ByteFields.fourCC(head, 0) == "RIFF", ByteFields.fourCC(head, 8) == "WEBP" { return .webp }
        return nil
    }

    /// Decodes the image in `source`, which must start with the signature of `format`.
    static func decode(_ format: MediaFormat, _ source: ByteSource) -> MediaDecoding {
        let decoding: MediaDecoding
        switch format {
        case .png: decoding = png(source)
        case .jpeg: decoding = jpeg(source)
        case .gif: decoding = gif(source)
        case .webp: decoding = webp(source)
        default: return MediaDecoding(content: MediaContent(format: format))
        }
        // Truncation is reported before sizes: a cut file's header may be fine.
        if decoding.problem != nil { return decoding }
        if let content = decoding.content, let width = content.pixelWidth, let height = content.pixelHeight,
            let problem = dimensionProblem(width: width, height: height)
        {
            return MediaDecoding(content: content, problem: problem)
        }
        return decoding
    }

    /// Zero, over 65 535 or over 100 megapixels.
    public static func dimensionProblem(width: Int, height: Int) -> MediaProblem? {
        if width == 0 || height == 0 {
            return .dimensions(width: width, height: height, reason: "an image needs at least one pixel in each direction")
        }
        if width > MediaLimits.maxPixelSide || height > MediaLimits.maxPixelSide {
            return .dimensions(
                width: width, height: height, reason: "more than \(MediaLimits.maxPixelSide) pixels in one direction")
        }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        if overflow || pixels > MediaLimits.maxMegapixels * 1_000_000 {
            return .dimensions(width: width, height: height, reason: "more than \(MediaLimits.maxMegapixels) megapixels")
        }
        return nil
    }

    // MARK: PNG

    /// Signature, then IHDR first (13 bytes: width, height…), and the IEND chunk as the last 12 bytes.
    static func png(_ source: ByteSource) -> MediaDecoding {
        let head = source.bytes(at: 0, count: 33)
        guard head.count >= 24 else {
            return MediaDecoding(content: MediaContent(format: .png), problem: .truncated(.png, "it ends inside its header"))
        }
        guard ByteFields.fourCC(head, 12) == "IHDR", ByteFields.bigEndian(head, 8, 4) == 13,
            let width = ByteFields.bigEndian(head, 16, 4), let height = ByteFields.bigEndian(head, 20, 4)
        else {
            return MediaDecoding(
                content: MediaContent(format: .png), problem: .malformed(.png, "it does not start with an IHDR header"))
        }
        let content = MediaContent(format: .png, pixelWidth: width, pixelHeight: height)
        let tail = source.bytes(at: source.count - 12, count: 12)
        guard source.count >= 8 + 25 + 12, ByteFields.fourCC(tail, 4) == "IEND" else {
            return MediaDecoding(content: content, problem: .truncated(.png, "it does not end with the IEND chunk"))
        }
        return MediaDecoding(content: content)
    }

    // MARK: JPEG

    /// Walks the segments from SOI to the first frame header (SOF0–SOF15 but DHT, JPG, DAC), then to the scan,
    /// and checks that the file ends with EOI (FF D9), allowing trailing padding.
    static func jpeg(_ source: ByteSource) -> MediaDecoding {
        var offset = 2
        var size: (Int, Int)? = nil
        var segments = 0
        func cut(_ detail: String) -> MediaDecoding {
            MediaDecoding(
                content: MediaContent(format: .jpeg, pixelWidth: size?.0, pixelHeight: size?.1),
                problem: .truncated(.jpeg, detail))
        }
        while true {
            segments += 1
            if segments > maxJPEGSegments {
                return MediaDecoding(
                    content: MediaContent(format: .jpeg),
                    problem: .malformed(.jpeg, "more than \(maxJPEGSegments) segments before the image data"))
            }
            var header = source.bytes(at: offset, count: 4)
            // Markers may be preceded by any number of 0xFF fill bytes.
            while header.count >= 2, header[0] == 0xFF, header[1] == 0xFF {
                offset += 1
                header = source.bytes(at: offset, count: 4)
            }
            guard header.count >= 2 else { return cut("it ends before the image data") }
            guard header[0] == 0xFF else {
                return MediaDecoding(
                    content: MediaContent(format: .jpeg),
                    problem: .malformed(.jpeg, "a segment at byte \(offset) does not start with a marker"))
            }
            let marker = header[1]
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { offset += 2; continue }
            if marker == 0xD9 { return cut("it ends (EOI) before any image data") }
            guard let length = ByteFields.bigEndian(header, 2, 2) else { return cut("it ends inside a segment header") }
            guard length >= 2 else {
                return MediaDecoding(
                    content: MediaContent(format: .jpeg),
                    problem: .malformed(.jpeg, "a segment at byte \(offset) has length \(length)"))
            }
            if offset + 2 + length > source.count { return cut("a segment at byte \(offset) runs past the end of the file") }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                let frame = source.bytes(at: offset + 5, count: 4)
                if let height = ByteFields.bigEndian(frame, 0, 2), let width = ByteFields.bigEndian(frame, 2, 2) {
                    size = (width, height)
                }
            }
            if marker == 0xDA { break }
            offset += 2 + length
        }
        guard let size else {
            return MediaDecoding(
                content: MediaContent(format: .jpeg),
                problem: .malformed(.jpeg, "it has no frame header (SOF) before its image data"))
        }
        let content = MediaContent(format: .jpeg, pixelWidth: size.0, pixelHeight: size.1)
        // The entropy-coded scan runs to EOI; a cut file has no EOI at its end.
        var tail = source.bytes(at: max(offset, source.count - 64), count: 64)
        while let last = tail.last, last == 0x00 || last == 0x0A || last == 0x0D || last == 0x20 { tail.removeLast() }
        guard tail.count >= 2, tail[tail.count - 2] == 0xFF, tail[tail.count - 1] == 0xD9 else {
            return MediaDecoding(
                content: content, problem: .truncated(.jpeg, "its image data stops without the end marker (EOI)"))
        }
        return MediaDecoding(content: content)
    }

    // MARK: GIF

    /// Logical screen width and height (little-endian at 6 and 8), and the trailer byte 0x3B at the end.
    static func gif(_ source: ByteSource) -> MediaDecoding {
        let head = source.bytes(at: 0, count: 13)
        guard let width = ByteFields.littleEndian(head, 6, 2), let height = ByteFields.littleEndian(head, 8, 2) else {
            return MediaDecoding(content: MediaContent(format: .gif), problem: .truncated(.gif, "it ends inside its header"))
        }
        let content = MediaContent(format: .gif, pixelWidth: width, pixelHeight: height)
        guard source.count > 13, source.bytes(at: source.count - 1, count: 1) == [0x3B] else {
            return MediaDecoding(content: content, problem: .truncated(.gif, "it does not end with the GIF trailer"))
        }
        return MediaDecoding(content: content)
    }

    // MARK: WebP

    /// RIFF size against the file size, then the first chunk: VP8 (lossy), VP8L (lossless) or VP8X (extended).
    static func webp(_ source: ByteSource) -> MediaDecoding {
        let head = source.bytes(at: 0, count: 30)
        guard let riffSize = ByteFields.littleEndian(head, 4, 4), let chunk = ByteFields.fourCC(head, 12) else {
            return MediaDecoding(content: MediaContent(format: .webp), problem: .truncated(.webp, "it ends inside its header"))
        }
        var size: (Int, Int)? = nil
        switch chunk {
        case "VP8 ":
            // Frame tag (3 bytes) at 20, start code 9D 01 2A at 23, then 14-bit width and height.
            if head.count >= 30, head[23] == 0x9D, head[24] == 0x01, head[25] == 0x2A,
                let w = ByteFields.littleEndian(head, 26, 2), let h = ByteFields.littleEndian(head, 28, 2)
            {
                size = (w & 0x3FFF, h & 0x3FFF)
            }
        case "VP8L":
            // Signature 0x2F at 20, then width−1 and height−1 in 14 bits each.
            if head.count >= 25, head[20] == 0x2F, let bits = ByteFields.littleEndian(head, 21, 4) {
                size = ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
            }
        case "VP8X":
            // Flags (4 bytes) at 20, then canvas width−1 and height−1 in 24 bits each.
            if let w = ByteFields.littleEndian(head, 24, 3), let h = ByteFields.littleEndian(head, 27, 3) {
                size = (w + 1, h + 1)
            }
        default:
            break
        }
        guard let size else {
            if head.count < 30 {
                return MediaDecoding(
                    content: MediaContent(format: .webp), problem: .truncated(.webp, "it ends inside its header"))
            }
            return MediaDecoding(
                content: MediaContent(format: .webp),
                problem: .malformed(.webp, "its first chunk '\(MediaPath.visible(chunk))' is not VP8, VP8L or VP8X"))
        }
        let content = MediaContent(format: .webp, pixelWidth: size.0, pixelHeight: size.1)
        if source.count < riffSize + 8 {
            return MediaDecoding(
                content: content,
                problem: .truncated(.webp, "its header says \(riffSize + 8) bytes, the file has \(source.count)"))
        }
        return MediaDecoding(content: content)
    }
}
