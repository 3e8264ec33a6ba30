import Foundation
import GlocalCore
import Testing

@testable import GlocalYAML

#if canImport(Glibc)
    import Glibc
#endif

/// The disk adapter: containment (symbolic links out, FIFOs, folders), Unicode paths, and content decoding.
@Suite struct FileMediaInspectorTests {
    let root: URL
    let outside: URL

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-media-\(UUID().uuidString)")
        root = base.appendingPathComponent("workspace")
        outside = base.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    }

    func write(_ bytes: [UInt8], to url: URL) throws { try Data(bytes).write(to: url) }

    @Test func readsAPNGInsideTheWorkspace() throws {
        try write(pngHeader(width: 1080, height: 1350), to: root.appendingPathComponent("assets/a.png"))
        let info = FileMediaInspector(root: root).inspect("assets/a.png")
        #expect(info?.pixelWidth == 1080 && info?.pixelHeight == 1350 && info?.format == .png && info?.problem == nil)
    }

    @Test func refusesASymlinkedFileOrFolderThatLeadsOutside() throws {
        try write(pngHeader(width: 10, height: 10), to: outside.appendingPathComponent("secret.png"))
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("assets/link.png").path,
            withDestinationPath: outside.appendingPathComponent("secret.png").path)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("assets/shared").path, withDestinationPath: outside.path)
        let inspector = FileMediaInspector(root: root)
        #expect(inspector.inspect("assets/link.png") == .refused(.outsideWorkspace))
        #expect(inspector.inspect("assets/shared/secret.png") == .refused(.outsideWorkspace))
        #expect(inspector.inspect("assets/shared/missing.png") == .refused(.outsideWorkspace))
        #expect(inspector.siblings(of: "assets/shared/secre.png").isEmpty)
    }

    @Test func followsASymlinkThatStaysInside() throws {
        try write(pngHeader(width: 20, height: 20), to: root.appendingPathComponent("assets/real.png"))
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("assets/alias.png").path, withDestinationPath: "real.png")
        #expect(FileMediaInspector(root: root).inspect("assets/alias.png")?.pixelWidth == 20)
    }

    @Test func refusesAFIFOWithoutBlocking() throws {
        let fifo = root.appendingPathComponent("assets/pipe.png").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(FileMediaInspector(root: root).inspect("assets/pipe.png") == .refused(.notRegularFile("a FIFO (named pipe)")))
    }

    @Test func oddPathsGiveProblemsNotTraps() {
        let inspector = FileMediaInspector(root: root)
        for path in [
            "x", "\u{200F}", "assets/\u{0}.png", "assets/\u{301}", String(repeating: "é", count: 5000), "/", ".", "..",
            "assets/",
        ] {
            _ = inspector.inspect(path)
            _ = inspector.siblings(of: path)
        }
        #expect(inspector.inspect("x") == nil)
        #expect(inspector.inspect("\u{200F}")?.problem?.rule == .mediaPath)
        #expect(inspector.inspect("assets")?.problem == .notRegularFile("a folder"))
    }

    @Test func namesTheFileWrittenInTheOtherNormalizationForm() throws {
        try write(pngHeader(width: 5, height: 5), to: root.appendingPathComponent("assets/caf\u{E9}.png"))
        let info = FileMediaInspector(root: root).inspect("assets/cafe\u{301}.png")
        guard case let .pathInvalid(reason)? = info?.problem else {
            Issue.record("expected a path problem, got \(String(describing: info))")
            return
        }
        #expect(reason.contains("NFC and NFD"))
    }

    private func pngHeader(width: Int, height: Int) -> [UInt8] {
        func be(_ value: Int) -> [UInt8] { (0..<4).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + be(width) + be(height)
            + [8, 2, 0, 0, 0, 0, 0, 0, 0] + [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
    }
}
