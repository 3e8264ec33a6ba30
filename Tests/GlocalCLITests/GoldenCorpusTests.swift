import Foundation
import GlocalCore
import Testing

@testable import glocal

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
/// A file named `<name>.delete` in the overlay removes `<name>` from the copy.
struct WorkspaceFixture {
    let root: URL

    init(overlay: URL?) throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("glocal-golden-\(UUID().uuidString)")
        try fm.copyItem(at: GoldenCorpusTests.fixtures.appendingPathComponent("base"), to: root)
        guard let overlay, let enumerator = fm.enumerator(at: overlay, includingPropertiesForKeys: [.isDirectoryKey]) else { return }
        for case let file as URL in enumerator {
            let relative = String(file.standardizedFileURL.path.dropFirst(overlay.standardizedFileURL.path.count + 1))
            if (try file.resourceValues(forKeys: [.isDirectoryKey])).isDirectory == true {
                try fm.createDirectory(at: root.appendingPathComponent(relative), withIntermediateDirectories: true)
                continue
            }
            if relative.hasSuffix(".delete") {
                try? fm.removeItem(at: root.appendingPathComponent(String(relative.dropLast(".delete".count))))
                continue
            }
            let target = root.appendingPathComponent(relative)
            try? fm.removeItem(at: target)
            try fm.copyItem(at: file, to: target)
        }
    }

    /// Runs `glocal validate` in the workspace, text format with notes, no colour.
    func validate(format: OutputFormat = .text, strict: Bool = false, verbose: Bool = true, paths: [String] = []) throws -> (output: String, exitCode: Int32) {
        try ValidationRun(paths: paths, format: format, strict: strict, verbose: verbose, currentDirectory: root).execute()
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
