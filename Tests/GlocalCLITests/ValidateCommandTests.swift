import Foundation
import GlocalCore
import GlocalTestSupport
import Testing

import GlocalUseCases

/// `glocal validate` end to end, in-process: exit statuses, output formats and path handling.
@Suite struct ValidateCommandTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func exampleWorkspaceValidatesClean() throws {
        let run = ValidationRun(paths: [], format: .text, strict: true, currentDirectory: Self.repositoryRoot)
        let result = try run.execute()
        #expect(result.exitCode == 0, "\(result.output)")
        let summary = try #require(result.output.split(separator: "\n").last)
        #expect(summary.hasPrefix("0 errors, 0 warnings"))
        #expect(summary.contains("140 accounts"))
    }

    @Test func brokenWorkspaceExitsOne() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try workspace.write("campaigns/winter-tips.yaml", replacing: "kind: informative", with: "kind: informational")
        let result = try workspace.validate(verbose: false)
        #expect(result.exitCode == 1)
        #expect(
            result.output.contains("campaigns/winter-tips.yaml:2:7: error[value.invalid]: 'informational' is not a valid kind"))
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        // LinkedIn with an inline link: a link-policy warning, no error.
        try workspace.write(
            "campaigns/hydra-launch.yaml",
            replacing: "      linkedin: {link_placement: first_comment}\n      instagram: {link_placement: none}\n  - id: launch",
            with: "      instagram: {link_placement: none}\n  - id: launch")
        let lenient = try workspace.validate(verbose: false)
        #expect(lenient.exitCode == 0, "\(lenient.output)")
        #expect(lenient.output.contains("warning[link.policy]"))
        let strict = try workspace.validate(strict: true, verbose: false)
        #expect(strict.exitCode == 1)
    }

    @Test func jsonOutputHasTheDocumentedShape() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try workspace.write("campaigns/winter-tips.yaml", replacing: "day: 3", with: "day: 40")
        let result = try workspace.validate(format: .json)
        #expect(result.exitCode == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 1)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        let error = try #require(diagnostics.first { $0["severity"] as? String == "error" })
        #expect(error["rule"] as? String == "window.invalid")
        #expect(error["file"] as? String == "campaigns/winter-tips.yaml")
        #expect(error["line"] as? Int == 10)
        #expect(error["column"] as? Int == 10)
        #expect(error["endColumn"] as? Int == 12)
    }

    @Test func githubFormatPrintsAnnotations() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try workspace.write("accounts.yaml", replacing: "network: bluesky", with: "network: blusky")
        let result = try workspace.validate(format: .github)
        #expect(result.exitCode == 1)
        #expect(
            result.output.contains(
                "::error file=accounts.yaml,line=27,col=14,endColumn=20,title=network.unknown::unknown network 'blusky'%0Anote: did you mean 'bluesky'?"
            ))
    }

    @Test func sarifFormatIsSARIF210() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try workspace.write("accounts.yaml", replacing: "network: bluesky", with: "network: blusky")
        let result = try workspace.validate(format: .sarif)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
        let runs = try #require(object["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        #expect(results.contains { $0["ruleId"] as? String == "network.unknown" && $0["level"] as? String == "error" })
    }

    @Test func namingACampaignFileChecksOnlyThatCampaign() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try workspace.write("campaigns/winter-tips.yaml", replacing: "day: 3", with: "day: 40")
        let other = try workspace.validate(paths: ["campaigns/hydra-launch.yaml"])
        #expect(other.exitCode == 0, "\(other.output)")
        #expect(other.output.contains("1 campaign,"))
        let same = try workspace.validate(paths: ["campaigns/winter-tips.yaml"])
        #expect(same.exitCode == 1)
    }

    @Test func workspaceInASubdirectoryGetsPathsFromTheCurrentDirectory() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try workspace.write("campaigns/winter-tips.yaml", replacing: "day: 3", with: "day: 40")
        let parent = workspace.root.deletingLastPathComponent()
        let name = workspace.root.lastPathComponent
        // A per-variant problem, whose note names the post's place.
        try workspace.write(
            "campaigns/hydra-launch.yaml", replacing: "alt: A bottle of Hydra serum}",
            with: "alt: \"\(String(repeating: "a", count: 1_501))\"}")
        let result = try ValidationRun(paths: [name], format: .text, strict: false, currentDirectory: parent).execute()
        #expect(result.output.contains("\(name)/campaigns/winter-tips.yaml:10:10: error[window.invalid]"))
        #expect(result.output.contains("of campaign 'hydra-launch' (\(name)/campaigns/hydra-launch.yaml:"), "\(result.output)")
        #expect(!result.output.contains("(campaigns/"), "every path from the current directory: \(result.output)")
    }

    /// Run from a folder of the workspace (an editor's terminal in `campaigns/`), every path still reads from the
    /// current directory, as ci.md says: `../campaigns/…`, never the absolute path; SARIF keeps them relative.
    @Test func runFromAFolderOfTheWorkspaceGivesPathsFromThere() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try workspace.write("campaigns/winter-tips.yaml", replacing: "day: 3", with: "day: 40")
        let campaigns = workspace.root.appendingPathComponent("campaigns")
        let (status, output, error) = try GlocalProcess.run(["validate"], in: campaigns)
        #expect(status == 1, "\(error)")
        #expect(output.contains("../campaigns/winter-tips.yaml:10:10: error[window.invalid]"), "\(output)")
        #expect(!output.contains(workspace.root.path), "\(output)")
        let (_, sarif, _) = try GlocalProcess.run(["validate", "--format", "sarif"], in: campaigns)
        #expect(sarif.contains("\"uri\" : \"../campaigns/winter-tips.yaml\""), "\(sarif)")
    }

    /// A workspace outside the current directory's tree keeps absolute paths; in SARIF they are `file://` URIs with no
    /// `uriBaseId`, since a reference relative to `%SRCROOT%` cannot start with `/`.
    @Test func aWorkspaceElsewhereGetsAbsoluteFileURIsInSARIF() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try workspace.write("campaigns/winter-tips.yaml", replacing: "day: 3", with: "day: 40")
        let elsewhere = workspace.container.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let (status, sarif, error) = try GlocalProcess.run(
            ["validate", "--format", "sarif", workspace.root.path], in: elsewhere)
        #expect(status == 1, "\(error)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let artifacts = results.compactMap {
            ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]
                as? [String: Any])
        }
        #expect(!artifacts.isEmpty)
        for artifact in artifacts {
            #expect((artifact["uri"] as? String)?.hasPrefix("file:///") == true, "\(artifact)")
            #expect(artifact["uriBaseId"] == nil, "\(artifact)")
        }
    }

    @Test(arguments: [
        (["validate", "/no/such/workspace"], "no such file or directory"),
        (["validate", "--format", "xml"], "xml"),
        (["validate", "--colour"], "--colour"),
        (["text-length", "--network", "twiter"], "did you mean 'x'"),
    ])
    func usageAndInputErrorsExitTwo(arguments: [String], fragment: String) throws {
        let (status, _, stderr) = try GlocalProcess.run(arguments, in: Self.repositoryRoot)
        #expect(status == 2)
        #expect(stderr.contains(fragment), "\(stderr)")
    }

    @Test func directoryWithoutWorkspaceExitsTwo() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let (status, _, stderr) = try GlocalProcess.run(["validate"], in: empty)
        #expect(status == 2)
        #expect(stderr.contains("not inside a glocal workspace"))
    }

    @Test func realBinaryExitStatuses() throws {
        let (clean, output, _) = try GlocalProcess.run(["validate", "--strict"], in: Self.repositoryRoot)
        #expect(clean == 0, "\(output)")
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try workspace.write("campaigns/winter-tips.yaml", replacing: "day: 3", with: "day: 40")
        let (broken, brokenOutput, _) = try GlocalProcess.run(["validate"], in: workspace.root)
        #expect(broken == 1)
        #expect(brokenOutput.contains("error[window.invalid]"))
    }
}

/// Runs the built `glocal` executable, as CI and users do.
enum GlocalProcess {
    static func executable() throws -> URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("glocal"),
            Bundle.main.bundleURL.appendingPathComponent("glocal"),
            ValidateCommandTests.repositoryRoot.appendingPathComponent(".build/debug/glocal"),
        ]
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
    }

    /// Runs `glocal ARGUMENTS` in `directory` with `environment` (nil: this process's) and waits for it; `input` is
    /// written to its standard input, a pipe closed after it.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String]? = nil, input: String? = nil)
        throws -> (status: Int32, output: String, error: String)
    {
        try ChildProcess.run(
            executable: try executable().path, arguments: arguments, directory: directory.path, environment: environment,
            input: input ?? "")
    }

    /// Starts `glocal ARGUMENTS` in `directory` (nil: this process's) with `environment` (nil: this process's).
    static func start(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
        input: ChildProcess.Input = .null, output: ChildProcess.Output = .collect, error: ChildProcess.Output = .collect
    ) throws -> ChildProcess {
        try ChildProcess(
            executable: try executable().path, arguments: arguments, directory: directory?.path, environment: environment,
            input: input, output: output, error: error)
    }
}

extension WorkspaceFixture {
    /// Replaces `old` with `new` in a file of the fixture; fails the test if `old` is not there.
    func write(_ path: String, replacing old: String, with new: String) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        try #require(text.contains(old), "fixture \(path) does not contain the text to replace")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }
}

/// Details of output that CI users rely on.
@Suite struct ValidateOutputDetailTests {
    @Test func githubFormatLeavesNotesOutUnlessVerbose() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let quiet = try ValidationRun(paths: [], format: .github, strict: false, currentDirectory: workspace.root).execute()
        #expect(!quiet.output.contains("::notice"))
        let verbose = try workspace.validate(format: .github, verbose: true)
        #expect(verbose.output.contains("::notice file=campaigns/hydra-launch.yaml"))
        // Hidden or shown, the notes are counted in the summary, as in the text format.
        let text = try workspace.validate(format: .text, verbose: false).output
        let textSummary = try #require(text.split(separator: "\n").last).replacingOccurrences(
            of: " (notes hidden: --verbose shows them)", with: "")
        #expect(textSummary.contains(" 0 notes") == false, "the base has notes: \(textSummary)")
        #expect(quiet.output.split(separator: "\n").last.map(String.init) == textSummary)
        #expect(verbose.output.split(separator: "\n").last.map(String.init) == textSummary)
    }

    @Test func sarifNamesTheSourceRoot() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let result = try workspace.validate(format: .sarif)
        #expect(result.output.contains("\"%SRCROOT%\""))
        #expect(result.output.contains("file://" + workspace.root.standardizedFileURL.path))
    }

    /// GitHub code scanning refuses a whole SARIF upload when one result has no location: a problem with no file
    /// (a missing accounts.yaml) is placed at the start of the workspace's glocal.yaml.
    @Test func everySARIFResultHasALocationEvenAProblemWithoutAFile() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try FileManager.default.removeItem(at: workspace.root.appendingPathComponent("accounts.yaml"))
        let result = try workspace.validate(format: .sarif)
        #expect(result.exitCode == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for item in results {
            let location = try #require((item["locations"] as? [[String: Any]])?.first, "\(item["ruleId"] ?? "")")
            let physical = try #require(location["physicalLocation"] as? [String: Any])
            #expect((physical["region"] as? [String: Any])?["startLine"] as? Int != nil)
        }
        let missing = try #require(results.first { ($0["ruleId"] as? String) == "file.missing" })
        let artifact =
            ((missing["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?[
                "artifactLocation"] as? [String: Any]
        #expect(artifact?["uri"] as? String == "glocal.yaml")
        // The other formats keep saying the problem has no file.
        let json = try workspace.validate(format: .json)
        #expect(!json.output.contains("\"file\" : \"glocal.yaml\"") && !json.output.contains("\"file\":\"glocal.yaml\""))
    }

    /// "The first 100 of a file are listed one by one, the rest counted in one note" (campaign-format.md): first in
    /// the file's order, so u0…u99 are listed and the count starts at u100, not at u97 (after u100…u102 as text).
    @Test func unusedStringsAreListedInTheFilesOrder() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let url = workspace.root.appendingPathComponent("locales/en.yaml")
        let extra = (0..<103).map { "  u\($0): \"spare\"\n" }.joined()
        try (String(contentsOf: url, encoding: .utf8) + extra).write(to: url, atomically: true, encoding: .utf8)
        let result = try workspace.validate(format: .json)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let unused = try #require(log["diagnostics"] as? [[String: Any]]).filter { $0["rule"] as? String == "string.unused" }
            .compactMap { $0["message"] as? String }
        #expect(unused.count == 101, "\(unused)")
        #expect(unused.contains("string 'u99' is not used by any campaign"), "\(unused)")
        #expect(!unused.contains("string 'u100' is not used by any campaign"), "\(unused)")
        #expect(
            unused.contains("and 3 more strings of this file not used by any campaign, not listed (from 'u100' on)"),
            "\(unused)")
    }

    @Test func mixedMediaCountsEveryItemTowardsTheTotal() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let eleven = Array(repeating: "assets/serum-4x5.png", count: 6) + Array(repeating: "assets/teaser.mp4", count: 5)
        try workspace.write(
            "campaigns/hydra-launch.yaml", replacing: "    media: [assets/serum-4x5.png]\n    networks:",
            with: "    media: [\(eleven.joined(separator: ", "))]\n    networks:")
        let result = try workspace.validate(verbose: false)
        #expect(
            result.output.contains(
                "error[media.count]: instagram/lum-fr-instagram: 11 media items, Instagram accepts at most 10 per post"))
    }
}
