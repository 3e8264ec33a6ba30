/// Builds small media files byte by byte, so that decoder tests need no fixture files.
enum MediaBytes {
    static func be(_ value: Int, _ width: Int) -> [UInt8] {
        (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    static func le(_ value: Int, _ width: Int) -> [UInt8] {
        (0..<width).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    static func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// A PNG chunk (CRC left at zero: glocal does not check it).
    static func pngChunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        be(data.count, 4) + ascii(type) + data + [0, 0, 0, 0]
    }

    static func png(width: Int, height: Int) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + pngChunk("IHDR", be(width, 4) + be(height, 4) + [8, 2, 0, 0, 0])
            + pngChunk("IDAT", [0x78, 0x9C, 0x63, 0, 0, 0, 1, 0, 1]) + pngChunk("IEND", [])
    }

    /// SOI, an APP0 segment, SOFn with the size, a scan header, scan data and EOI.
    static func jpeg(width: Int, height: Int, frameMarker: UInt8 = 0xC0, end: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8]
        bytes += [0xFF, 0xE0] + be(16, 2) + ascii("JFIF") + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        bytes += [0xFF, 0xDB] + be(67, 2) + [0] + [UInt8](repeating: 1, count: 64)
        bytes += [0xFF, frameMarker] + be(11, 2) + [8] + be(height, 2) + be(width, 2) + [1, 1, 0x11, 0]
        bytes += [0xFF, 0xDA] + be(8, 2) + [1, 1, 0, 0, 0x3F, 0]
        bytes += [0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78]
        return end ? bytes + [0xFF, 0xD9] : bytes
    }

    static func gif(width: Int, height: Int) -> [UInt8] {
        ascii("GIF89a") + le(width, 2) + le(height, 2) + [0, 0, 0] + [0x2C] + [UInt8](repeating: 0, count: 9) + [2, 0, 0x3B]
    }

    static func riff(_ chunk: String, _ payload: [UInt8]) -> [UInt8] {
        let body = ascii("WEBP") + ascii(chunk) + le(payload.count, 4) + payload
        return ascii("RIFF") + le(body.count, 4) + body
    }

    static func webpLossy(width: Int, height: Int) -> [UInt8] {
        riff("VP8 ", [0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A] + le(width, 2) + le(height, 2) + [0, 0])
    }

    static func webpLossless(width: Int, height: Int) -> [UInt8] {
        let bits = (width - 1) | (height - 1) << 14
        return riff("VP8L", [0x2F] + le(bits, 4) + [0, 0, 0])
    }

    static func webpExtended(width: Int, height: Int) -> [UInt8] {
        riff("VP8X", [0, 0, 0, 0] + le(width - 1, 3) + le(height - 1, 3))
    }

    static func box(_ type: String, _ payload: [UInt8]) -> [UInt8] { be(payload.count + 8, 4) + ascii(type) + payload }

    /// ftyp, then moov (mvhd with the duration, one video trak whose tkhd has the size), then mdat.
    static func mp4(seconds: Int, timescale: Int = 1000, width: Int = 1080, height: Int = 1920, version: UInt8 = 0) -> [UInt8] {
        let ftyp = box("ftyp", ascii("isom") + be(512, 4) + ascii("isomiso2avc1mp41"))
        let mvhd: [UInt8]
        let tkhd: [UInt8]
        let matrix =
            be(0x10000, 4) + [UInt8](repeating: 0, count: 12) + be(0x10000, 4) + [UInt8](repeating: 0, count: 12)
            + be(0x4000_0000, 4)
        if version == 1 {
            mvhd = box(
                "mvhd",
                [1, 0, 0, 0] + be(0, 8) + be(0, 8) + be(timescale, 4) + be(seconds * timescale, 8)
                    + [UInt8](repeating: 0, count: 80))
            tkhd = box(
                "tkhd",
                [1, 0, 0, 3] + be(0, 8) + be(0, 8) + be(1, 4) + be(0, 4) + be(seconds * timescale, 8)
                    + be(0, 8) + be(0, 2) + be(0, 2) + be(0, 2) + be(0, 2) + matrix + be(width << 16, 4) + be(height << 16, 4))
        } else {
            mvhd = box(
                "mvhd",
                [0, 0, 0, 0] + be(0, 4) + be(0, 4) + be(timescale, 4) + be(seconds * timescale, 4)
                    + [UInt8](repeating: 0, count: 80))
            tkhd = box(
                "tkhd",
                [0, 0, 0, 3] + be(0, 4) + be(0, 4) + be(1, 4) + be(0, 4) + be(seconds * timescale, 4)
                    + be(0, 8) + be(0, 2) + be(0, 2) + be(0, 2) + be(0, 2) + matrix + be(width << 16, 4) + be(height << 16, 4))
        }
        let audio = box("trak", box("tkhd", [0, 0, 0, 3] + [UInt8](repeating: 0, count: 80)))
        let moov = box("moov", mvhd + audio + box("trak", tkhd))
        return ftyp + moov + box("mdat", [UInt8](repeating: 0xAB, count: 32))
    }
}
