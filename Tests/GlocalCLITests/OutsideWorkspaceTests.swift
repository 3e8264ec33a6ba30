import Foundation
import GlocalCore
import GlocalYAML
import Testing

import GlocalUseCases

/// `glocal validate` never reads, and so never prints, a file outside the workspace or a hidden one, in any
/// output format; FIFOs and oversized files are refused without being read. The golden cases 100–114 hold the
/// exact text output; these tests add the other formats and what git cannot hold.
@Suite struct OutsideWorkspaceTests {
    /// Golden cases whose links lead to a `SECRET_TOKEN=ghp_golden<case>secretvalue` file.
    static let secretCases = [
        "100-campaign-link-to-secret-outside", "102-locales-folder-link-outside", "103-campaigns-folder-link-outside",
        "104-campaign-link-to-hidden-env", "108-glocal-yaml-link-outside", "112-campaign-link-chain-leads-outside",
        "113-locale-link-into-hidden-folder", "114-campaign-link-dotdot-escape",
    ]

    static func fixture(_ name: String) throws -> WorkspaceFixture {
        try WorkspaceFixture(overlay: GoldenCorpusTests.fixtures.appendingPathComponent("cases/\(name)/overlay"))
    }

    @Test(arguments: secretCases)
    func aSecretBehindALinkNeverAppearsInAnyFormat(_ name: String) throws {
        let workspace = try Self.fixture(name)
        defer { workspace.remove() }
        let secret = "ghp_golden\(name.prefix(3))secretvalue"
        // The fixture really holds the secret where the link leads (else this test would prove nothing).
        #expect(Self.regularFile(containing: secret, below: workspace.container) != nil)
        for format in [OutputFormat.text, .json, .github, .sarif] {
            for verbose in [false, true] {
                let result = try workspace.validate(format: format, verbose: verbose)
                #expect(result.exitCode == 1, "\(name) \(format)")
                #expect(!result.output.contains(secret), "\(name) leaked in \(format):\n\(result.output)")
                #expect(!result.output.contains("SECRET_TOKEN"), "\(name) leaked in \(format):\n\(result.output)")
                #expect(result.output.contains("file.unreadable"), "\(name) \(format):\n\(result.output)")
            }
        }
    }

    @Test func passwdAndProcessEnvironmentAreNeverRead() throws {
        for name in ["101-campaign-link-to-etc-passwd", "109-accounts-yaml-link-to-proc-environ"] {
            let workspace = try Self.fixture(name)
            defer { workspace.remove() }
            for format in [OutputFormat.text, .json, .github, .sarif] {
                let output = try workspace.validate(format: format).output
                #expect(!output.contains("root:x:0") && !output.contains("PATH=") && !output.contains("HOME="), "\(output)")
            }
        }
    }

    @Test(.timeLimit(.minutes(5))) func aNamedPipeIsRefusedWithoutWaitingForAWriter() throws {
        let workspace = try Self.fixture("106-campaign-named-pipe")
        defer { workspace.remove() }
        var info = stat()
        #expect(lstat(workspace.root.appendingPathComponent("campaigns/pipe.yaml").path, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFIFO)
        let output = try workspace.validate().output
        #expect(output.contains("campaigns/pipe.yaml is a named pipe (FIFO), not a regular file; it was not read"), "\(output)")
    }

    @Test func aFileOverTheCapIsRefusedUnread() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let big = workspace.root.appendingPathComponent("campaigns/huge.yaml")
        // A sparse file: 17 MiB long, no disk used; the first line would be a YAML error if it were read.
        #expect(FileManager.default.createFile(atPath: big.path, contents: Data("SECRET_TOKEN: [\n".utf8)))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: UInt64(WorkspaceLoader.maximumFileBytes + 1_048_576))
        try handle.close()
        let result = try workspace.validate()
        #expect(result.exitCode == 1)
        let expected =
            "campaigns/huge.yaml:1:1: error[file.unreadable]: "
            + "campaigns/huge.yaml is 17 MiB, over the limit of 16 MiB; it was not read"
        #expect(result.output.contains(expected), "\(result.output)")
        #expect(!result.output.contains("SECRET_TOKEN"))
    }

    @Test func hiddenFilesInCampaignsAreNotWorkspaceFiles() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let before = try workspace.validate()
        for name in [".draft.yaml", ".#hydra-launch.yaml", "._hydra-launch.yaml"] {
            let file = workspace.root.appendingPathComponent("campaigns/\(name)")
            try "campaign: [broken\n".write(to: file, atomically: true, encoding: .utf8)
        }
        let after = try workspace.validate()
        #expect(after.exitCode == 0, "\(after.output)")
        #expect(after.output == before.output)
    }

    @Test func aWorkspaceReachedThroughALinkIsReadNormally() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let alias = workspace.container.appendingPathComponent("alias")
        try FileManager.default.createSymbolicLink(at: alias, withDestinationURL: workspace.root)
        let loaded = WorkspaceLoader(root: alias).load()
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.workspace?.campaigns.count == 2)
    }
}

extension OutsideWorkspaceTests {
    /// A regular file below `folder` that contains `needle` (links are not followed), if any.
    static func regularFile(containing needle: String, below folder: URL) -> URL? {
        let keys: Set<URLResourceKey> = [.isRegularFileKey, .isSymbolicLinkKey]
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: Array(keys)) else { return nil }
        for case let file as URL in files {
            guard let values = try? file.resourceValues(forKeys: keys), values.isSymbolicLink != true,
                values.isRegularFile == true, let text = try? String(contentsOf: file, encoding: .utf8), text.contains(needle)
            else { continue }
            return file
        }
        return nil
    }
}
