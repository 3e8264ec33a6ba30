import Foundation
import GlocalTestSupport
import Testing

/// The driver, run as `glocal-fuzz` in a child process, against a worker made to misbehave on one iteration
/// through `GLOCAL_FUZZ_TEST_HOOK`: each fault must be reported as its class, and slowness under the limit
/// or an ordinary validation failure must not be.
@Suite struct FuzzDriverTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let golden = repositoryRoot.appendingPathComponent("Tests/GlocalCLITests/Fixtures/golden")

    @Test func aTrappingInputIsACrashWithItsReproducer() throws {
        let run = try FuzzRun(hook: "trap@5", arguments: ["--start", "5", "--max-execs", "1"])
        defer { run.remove() }
        #expect(run.status == 1, "\(run.output)")
        let readme = try String(contentsOf: run.findings.appendingPathComponent("crash-1/README.txt"), encoding: .utf8)
        #expect(readme.hasPrefix("crash: "), "\(readme)")
        #expect(readme.contains("Index out of range"), "\(readme)")
        #expect(readme.contains("iteration 5"), "\(readme)")
        let mutated = try #require(readme.split(separator: "\n").dropFirst().first?.split(separator: " ").last.map(String.init))
        let reproducer = run.findings.appendingPathComponent("crash-1/workspace").appendingPathComponent(mutated)
        #expect(FileManager.default.fileExists(atPath: reproducer.path), "\(mutated)")
        #expect(FileManager.default.fileExists(atPath: run.findings.appendingPathComponent("crash-1/workspace/glocal.yaml").path))
        #expect(run.output.contains("FINDING crash"), "\(run.output)")
        #expect(run.output.contains("crash 1 (1 hits)"), "\(run.output)")
    }

    @Test func anInputOverTheTimeLimitIsAHang() throws {
        let run = try FuzzRun(hook: "hang@2", arguments: ["--start", "2", "--max-execs", "1", "--timeout", "1"])
        defer { run.remove() }
        #expect(run.status == 1, "\(run.output)")
        let readme = try String(contentsOf: run.findings.appendingPathComponent("hang-1/README.txt"), encoding: .utf8)
        #expect(readme.hasPrefix("hang: hang > 1 s"), "\(readme)")
        #expect(readme.contains("iteration 2"), "\(readme)")
    }

    @Test func anInternalErrorIsAnExit2Finding() throws {
        let run = try FuzzRun(hook: "exit2@7", arguments: ["--start", "7", "--max-execs", "1"])
        defer { run.remove() }
        #expect(run.status == 1, "\(run.output)")
        let readme = try String(contentsOf: run.findings.appendingPathComponent("exit2-1/README.txt"), encoding: .utf8)
        #expect(readme.hasPrefix("exit2: test hook: internal error"), "\(readme)")
        #expect(
            FileManager.default.fileExists(atPath: run.findings.appendingPathComponent("exit2-1/workspace/accounts.yaml").path))
    }

    @Test func aSlowInputUnderTheLimitAndAFailedValidationAreNoFinding() throws {
        let run = try FuzzRun(hook: "slow@3:1200", arguments: ["--start", "3", "--max-execs", "1", "--timeout", "4"])
        defer { run.remove() }
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("1 executions"), "\(run.output)")
        #expect(run.output.contains("exit 1: 1"), "\(run.output)")
        #expect(run.output.contains("findings: 0 distinct"), "\(run.output)")
        let saved = try FileManager.default.contentsOfDirectory(atPath: run.findings.path)
        #expect(saved.isEmpty, "\(saved)")
    }

    @Test func theRealWorkerRunsCleanInputsAndCountsThem() throws {
        // Iterations whose inputs are clean today: ordinary validation results, no finding.
        let run = try FuzzRun(hook: nil, arguments: ["--start", "0", "--max-execs", "3", "--cases", "none", "--seed", "7"])
        defer { run.remove() }
        #expect(run.output.contains("3 executions"), "\(run.output)")
    }
}

/// One `glocal-fuzz` run in temporary state and findings folders.
struct FuzzRun {
    let folder: URL
    var findings: URL { folder.appendingPathComponent("findings") }
    let status: Int32
    let output: String

    init(hook: String?, arguments: [String]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-fuzz-test-\(UUID().uuidString)")
        self.folder = folder
        var environment = ProcessInfo.processInfo.environment
        environment["GLOCAL_FUZZ_TEST_HOOK"] = hook
        environment["SWIFT_BACKTRACE"] = "enable=no"
        (status, output, _) = try ChildProcess.run(
            executable: try Self.executable().path,
            arguments: [
                "--duration", "60", "--minimize", "0", "--base", FuzzDriverTests.golden.appendingPathComponent("base").path,
                "--cases", FuzzDriverTests.golden.appendingPathComponent("cases").path,
                "--state", folder.appendingPathComponent("state").path, "--findings",
                folder.appendingPathComponent("findings").path,
            ] + arguments, environment: environment, mergingErrorIntoOutput: true)
    }

    static func executable() throws -> URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("glocal-fuzz"),
            Bundle.main.bundleURL.appendingPathComponent("glocal-fuzz"),
            FuzzDriverTests.repositoryRoot.appendingPathComponent(".build/debug/glocal-fuzz"),
        ]
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
