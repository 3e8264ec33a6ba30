import Foundation
import GlocalCore
import Testing

import GlocalUseCases

/// Golden tests: each case under Fixtures/golden/cases/ overlays files on the valid base workspace,
/// and the rendered diagnostics must match the case's expected.txt exactly.
///
/// Set GLOCAL_UPDATE_GOLDEN=1 to rewrite expected.txt files after an intended change; review the diff.
@Suite struct GoldenCorpusTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")
    static let caseNames: [String] = {
        let cases = fixtures.appendingPathComponent("cases")
        return ((try? FileManager.default.contentsOfDirectory(atPath: cases.path)) ?? []).sorted()
    }()

    @Test func corpusHasAtLeastFortyCases() {
        #expect(Self.caseNames.count >= 40)
    }

    @Test func baseWorkspaceIsClean() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let result = try workspace.validate()
        #expect(result.exitCode == 0, "\(result.output)")
        let summary = result.output.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.hasPrefix("0 errors, 0 warnings"), "\(result.output)")
        #expect(!result.output.contains("error[") && !result.output.contains("warning["), "\(result.output)")
    }

    @Test(arguments: caseNames)
    func brokenWorkspace(_ name: String) throws {
        let caseDirectory = Self.fixtures.appendingPathComponent("cases/\(name)")
        let workspace = try WorkspaceFixture(overlay: caseDirectory.appendingPathComponent("overlay"))
        defer { workspace.remove() }
        // Notes (locale fallbacks) are shown only where the case is about them, to keep goldens focused.
        let result = try workspace.validate(verbose: name.contains("fallback") || name.contains("locale"))
        let expectedURL = caseDirectory.appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["GLOCAL_UPDATE_GOLDEN"] == "1" {
            try result.output.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(result.output == expected, "golden mismatch for \(name)")
        #expect(result.exitCode == 1, "a broken workspace must fail validation")
        #expect(result.output.contains("error["), "each case must produce at least one error")
    }
}

/// A temporary copy of the golden base workspace with a case's files laid over it.
/// A file named `<name>.delete` in the overlay removes `<name>` from the copy; one named `<name>.fifo` makes `<name>`
/// a named pipe (git cannot hold one); one named `<name>.grow` holding a byte count extends `<name>` to that size with
/// a hole (a sparse file: a video over a network's gigabytes costs no disk). Symbolic links in the overlay are copied as links, their targets unchanged.
/// A case's `outside/` folder (next to `overlay/`) is copied next to the workspace, for links that lead out of it:
/// from `campaigns/x.yaml`, `../../outside/secret.env` names it.
struct WorkspaceFixture {
    let root: URL
    /// The folder that holds the workspace and the case's `outside/` folder.
    let container: URL

    init(overlay: URL?) throws {
        let fm = FileManager.default
        container = fm.temporaryDirectory.appendingPathComponent("glocal-golden-\(UUID().uuidString)")
        root = container.appendingPathComponent("workspace")
        try fm.createDirectory(at: container, withIntermediateDirectories: true)
        try fm.copyItem(at: GoldenCorpusTests.fixtures.appendingPathComponent("base"), to: root)
        guard let overlay else { return }
        let outside = overlay.deletingLastPathComponent().appendingPathComponent("outside")
        if fm.fileExists(atPath: outside.path) { try Self.copyTree(outside, to: container.appendingPathComponent("outside")) }
        try Self.copyTree(overlay, to: root)
    }

    /// Lays the files of `source` over `destination`, keeping links as links.
    private static func copyTree(_ source: URL, to destination: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: destination, withIntermediateDirectories: true)
        let keys: [URLResourceKey] = [.isDirectoryKey, .isSymbolicLinkKey]
        guard let enumerator = fm.enumerator(at: source, includingPropertiesForKeys: keys) else { return }
        var growths: [(URL, URL)] = []
        for case let file as URL in enumerator {
            let relative = String(file.standardizedFileURL.path.dropFirst(source.standardizedFileURL.path.count + 1))
            let target = destination.appendingPathComponent(relative)
            let values = try file.resourceValues(forKeys: Set(keys))
            if values.isSymbolicLink == true {
                enumerator.skipDescendants()
                try? fm.removeItem(at: target)
                let destination = try fm.destinationOfSymbolicLink(atPath: file.path)
                try fm.createSymbolicLink(atPath: target.path, withDestinationPath: destination)
                continue
            }
            if values.isDirectory == true {
                try fm.createDirectory(at: target, withIntermediateDirectories: true)
                continue
            }
            if relative.hasSuffix(".delete") {
                try? fm.removeItem(at: destination.appendingPathComponent(String(relative.dropLast(".delete".count))))
                continue
            }
            if relative.hasSuffix(".grow") {
                growths.append((destination.appendingPathComponent(String(relative.dropLast(".grow".count))), file))
                continue
            }
            if relative.hasSuffix(".fifo") {
                let pipe = destination.appendingPathComponent(String(relative.dropLast(".fifo".count)))
                try? fm.removeItem(at: pipe)
                guard mkfifo(pipe.path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
                continue
            }
            try? fm.removeItem(at: target)
            try fm.copyItem(at: file, to: target)
        }
        // After the copy, so the file to grow is there whatever order the folder lists them in.
        for (target, sizeFile) in growths {
            let text = try String(contentsOf: sizeFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let size = Int64(text), truncate(target.path, off_t(size)) == 0 else { throw CocoaError(.fileWriteUnknown) }
        }
    }

    /// Runs `glocal validate` in the workspace, text format with notes, no colour.
    func validate(format: OutputFormat = .text, strict: Bool = false, verbose: Bool = true, paths: [String] = []) throws -> (
        output: String, exitCode: Int32
    ) {
        try ValidationRun(paths: paths, format: format, strict: strict, verbose: verbose, currentDirectory: root).execute()
    }

    func remove() { try? FileManager.default.removeItem(at: container) }
}
