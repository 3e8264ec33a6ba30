import Testing

@testable import GlocalCore

/// Images and videos are decoded from their bytes: format, pixel size, duration, truncation.
@Suite struct MediaDecoderTests {
    func read(_ bytes: [UInt8], _ ext: String) -> MediaDecoding {
        MediaContentReader.read(InMemoryBytes(bytes), fileExtension: ext)
    }

    @Test func readsPNGSize() {
        let decoding = read(MediaBytes.png(width: 1080, height: 1350), "png")
        #expect(decoding == MediaDecoding(content: MediaContent(format: .png, pixelWidth: 1080, pixelHeight: 1350)))
    }

    @Test func pngWithZeroHeightIsADimensionError() {
        let decoding = read(MediaBytes.png(width: 1080, height: 0), "png")
        guard case .dimensions(1080, 0, _)? = decoding.problem else {
            Issue.record("expected a dimension problem, got \(String(describing: decoding.problem))")
            return
        }
        #expect(decoding.problem?.rule == .mediaDimensions)
    }

    @Test func absurdSizesAreDimensionErrors() {
        #expect(ImageDecoder.dimensionProblem(width: 65_536, height: 10) != nil)
        #expect(ImageDecoder.dimensionProblem(width: 20_000, height: 20_000) != nil)  // 400 megapixels
        #expect(ImageDecoder.dimensionProblem(width: 10_000, height: 10_000) == nil)  // exactly 100
        #expect(ImageDecoder.dimensionProblem(width: Int.max, height: Int.max) != nil)
    }

    @Test func pngWithoutIENDIsTruncated() {
        let bytes = MediaBytes.png(width: 10, height: 10)
        let decoding = read(Array(bytes.dropLast(12)), "png")
        #expect(decoding.problem?.rule == .mediaTruncated)
        #expect(decoding.content?.pixelWidth == 10)
        #expect(read(Array(bytes.prefix(20)), "png").problem?.rule == .mediaTruncated)
    }

    @Test func readsJPEGSizeAfterOtherSegments() {
        for marker: UInt8 in [0xC0, 0xC1, 0xC2] {
            let decoding = read(MediaBytes.jpeg(width: 1200, height: 630, frameMarker: marker), "jpg")
            #expect(decoding == MediaDecoding(content: MediaContent(format: .jpeg, pixelWidth: 1200, pixelHeight: 630)))
        }
    }

    @Test func jpegWithTrailingPaddingIsWhole() {
        #expect(read(MediaBytes.jpeg(width: 8, height: 8) + [0, 0, 0x0A], "jpeg").problem == nil)
    }

    @Test func truncatedJPEGIsReported() {
        let cutScan = read(MediaBytes.jpeg(width: 1200, height: 630, end: false), "jpg")
        #expect(cutScan.problem?.rule == .mediaTruncated)
        #expect(cutScan.content?.pixelWidth == 1200)
        // Cut in the middle of a segment: every prefix is truncated, none traps.
        let whole = MediaBytes.jpeg(width: 16, height: 16)
        for length in 3..<(whole.count - 1) {
            #expect(read(Array(whole.prefix(length)), "jpg").problem != nil, "prefix \(length)")
        }
    }

    @Test func jpegWithoutFrameHeaderIsBroken() {
        let bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 0x12, 0xFF, 0xD9]
        #expect(read(bytes, "jpg").problem == .malformed(.jpeg, "it has no frame header (SOF) before its image data"))
    }

    @Test func readsGIFSize() {
        let decoding = read(MediaBytes.gif(width: 320, height: 240), "gif")
        #expect(decoding == MediaDecoding(content: MediaContent(format: .gif, pixelWidth: 320, pixelHeight: 240)))
        #expect(read(Array(MediaBytes.gif(width: 320, height: 240).dropLast()), "gif").problem?.rule == .mediaTruncated)
    }

    @Test func readsTheThreeWebPKinds() {
        for bytes in [
            MediaBytes.webpLossy(width: 1080, height: 1350), MediaBytes.webpLossless(width: 1080, height: 1350),
            MediaBytes.webpExtended(width: 1080, height: 1350),
        ] {
            #expect(
                read(bytes, "webp") == MediaDecoding(content: MediaContent(format: .webp, pixelWidth: 1080, pixelHeight: 1350)))
        }
        #expect(read(Array(MediaBytes.webpLossy(width: 9, height: 9).dropLast(2)), "webp").problem?.rule == .mediaTruncated)
    }

    @Test func textFileNamedJPGIsNotAnImage() {
        let decoding = read(Array("SECRET=1\nhello\n".utf8), "jpg")
        #expect(decoding.problem == .unrecognized(expected: .jpeg, startsWithText: true))
        #expect(decoding.problem?.rule == .mediaContent)
        #expect(decoding.problem?.message(for: "a.jpg") == "media file 'a.jpg' is not an image: its content is not JPEG")
    }

    @Test func emptyFileIsTruncated() {
        #expect(read([], "png").problem == .truncated(.png, "it is empty"))
    }

    @Test func contentOtherThanTheNameIsAMismatch() {
        let decoding = read(MediaBytes.png(width: 100, height: 100), "jpg")
        #expect(decoding.problem == .formatMismatch(expected: .jpeg, actual: .png))
        #expect(decoding.content?.pixelWidth == 100)
        #expect(read(MediaBytes.mp4(seconds: 5), "png").problem == .formatMismatch(expected: .png, actual: .isoVideo))
    }

    @Test func readsMP4DurationAndSize() {
        for version: UInt8 in [0, 1] {
            let decoding = read(MediaBytes.mp4(seconds: 150, timescale: 600, width: 1920, height: 1080, version: version), "mp4")
            #expect(
                decoding
                    == MediaDecoding(
                        content: MediaContent(
                            format: .isoVideo, pixelWidth: 1920, pixelHeight: 1080, durationSeconds: 150)), "version \(version)")
        }
    }

    @Test func placeholderWithOnlyFtypHasNoDuration() {
        let ftyp = MediaBytes.box("ftyp", MediaBytes.ascii("isom") + MediaBytes.be(512, 4) + MediaBytes.ascii("isom"))
        #expect(read(ftyp, "mp4") == MediaDecoding(content: MediaContent(format: .isoVideo)))
    }

    @Test func cutMP4IsTruncatedAndNoPrefixTraps() {
        let whole = MediaBytes.mp4(seconds: 10)
        #expect(read(Array(whole.dropLast(5)), "mp4").problem?.rule == .mediaTruncated)
        for length in 0..<whole.count { _ = read(Array(whole.prefix(length)), "mov") }
    }

    @Test func hostileBoxSizesDoNotTrap() {
        let huge = MediaBytes.ascii("\u{0}\u{0}\u{0}\u{1}moov") + [UInt8](repeating: 0xFF, count: 8)
        #expect(read(huge, "mp4").problem?.rule == .mediaTruncated)
        let zero = MediaBytes.box("ftyp", MediaBytes.ascii("isom")) + MediaBytes.be(0, 4) + MediaBytes.ascii("moov")
        _ = read(zero, "mp4")
    }

    @Test func everyPrefixOfEveryImageDecodesWithoutTrapping() {
        let samples = [
            MediaBytes.png(width: 3, height: 4), MediaBytes.gif(width: 3, height: 4),
            MediaBytes.webpLossless(width: 3, height: 4), MediaBytes.webpExtended(width: 3, height: 4),
        ]
        for sample in samples {
            for length in 0..<sample.count { _ = read(Array(sample.prefix(length)), "png") }
        }
    }
}

/// Media paths are checked as text before the disk is touched.
@Suite struct MediaPathTests {
    @Test func acceptsOrdinaryPathsIncludingAccentsAndScripts() {
        let paths = ["x", "assets/a.png", "assets/café.png", "assets/e\u{301}te.png", "assets/مرحبا.png", "assets/日本.jpg"]
        for path in paths {
            #expect(MediaPath.problem(path) == nil, "\(path)")
        }
    }

    @Test func refusesInvisibleControlAndHostilePaths() {
        #expect(MediaPath.problem("\u{200F}")?.contains("U+200F (RIGHT-TO-LEFT MARK)") == true)
        #expect(MediaPath.problem("assets/a\u{0}.png")?.contains("U+0000") == true)
        #expect(MediaPath.problem("assets/\u{202E}gnp.exe")?.contains("U+202E") == true)
        #expect(MediaPath.problem("/etc/passwd") != nil)
        #expect(MediaPath.problem("assets/../../x.png") != nil)
        #expect(MediaPath.problem("") != nil)
        #expect(MediaPath.problem("assets/\u{301}.png")?.contains("combining mark") == true)
        #expect(MediaPath.problem("assets/" + String(repeating: "a", count: 300) + ".png")?.contains("300") != nil)
        #expect(MediaPath.problem(String(repeating: "a/", count: 600) + "x.png") != nil)
        // The web UI's /media/ URL and a network's fetch fold '//' and '/./' away: the preview would be a 404.
        for folded in ["assets/./a.png", "./assets/a.png", "assets//a.png"] {
            #expect(MediaPath.problem(folded)?.contains("empty or '.' folder name") == true, "\(folded)")
        }
    }

    @Test func visibleSpellsOutInvisibleCharacters() {
        #expect(MediaPath.visible("a\u{200F}b") == "a<U+200F>b")
        #expect(MediaPath.visible("plain/é.png") == "plain/é.png")
    }
}
