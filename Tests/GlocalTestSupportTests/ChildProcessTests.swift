import Foundation
import GlocalTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The tests' child processes (`ChildProcess`, on `posix_spawn`): exit codes and signals, standard input, collected,
/// merged and redirected output, working directory, environment, descriptors, and what a failed start says.
@Suite(.timeLimit(.minutes(5))) struct ChildProcessTests {
    static let shell = "/bin/sh"

    static func sh(_ script: String, input: String? = nil) throws -> (status: Int32, output: String, error: String) {
        try ChildProcess.run(executable: shell, arguments: ["-c", script], input: input)
    }

    @Test func anExitCodeIsTheStatus() throws {
        let failed = try ChildProcess(executable: Self.shell, arguments: ["-c", "exit 3"])
        #expect(failed.wait() == .exited(3))
        #expect(failed.terminationStatus == 3)
        #expect(!failed.isRunning && failed.termination == .exited(3))
        #expect(try Self.sh("exit 0").status == 0)
        #expect(try Self.sh("exit 255").status == 255)
    }

    @Test func aSignalThatEndsTheChildIsToldFromAnExit() throws {
        let killedItself = try ChildProcess(executable: Self.shell, arguments: ["-c", "kill -TERM $$"])
        #expect(killedItself.wait() == .signalled(SIGTERM))
        // Foundation's terminationStatus: the signal's number.
        #expect(killedItself.terminationStatus == SIGTERM)

        let sleeper = try ChildProcess(executable: "/bin/sleep", arguments: ["30"])
        #expect(sleeper.isRunning && sleeper.termination == nil)
        #expect(sleeper.kill(SIGKILL))
        #expect(sleeper.wait() == .signalled(SIGKILL))
        #expect(!sleeper.isRunning)
        // Reaped: its id is never signalled again (another process may have it by now).
        #expect(!sleeper.kill(SIGKILL))

        let terminated = try ChildProcess(executable: "/bin/sleep", arguments: ["30"])
        terminated.terminate()
        #expect(terminated.wait() == .signalled(SIGTERM))
    }

    @Test func theChildStartsInItsOwnProcessGroupWithNoSignalBlockedOrIgnored() throws {
        // Ignored in this process (as a test runner may leave it), it is at its default action in the child.
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        let status = try ChildProcess.run(executable: "/bin/cat", arguments: ["/proc/self/status"])
        let fields = Dictionary(
            status.output.split(separator: "\n").map { line in
                (String(line.prefix { $0 != ":" }), line.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces))
            }, uniquingKeysWith: { a, _ in a })
        #expect(fields["SigBlk"] == "0000000000000000", "\(status.output)")
        // Of the standard signals (1 to 31), none is ignored; glibc's posix_spawn leaves its own two (32 and 33, which no
        // program may use) ignored.
        let ignored = try #require(fields["SigIgn"].flatMap { UInt64($0, radix: 16) }, "\(status.output)")
        #expect(ignored & 0x7fff_ffff == 0, "\(status.output)")

        let child = try ChildProcess(executable: "/bin/cat", arguments: ["/proc/self/stat"])
        child.wait()
        // pid (comm) state ppid pgrp …
        let afterName = try #require(child.standardOutput.range(of: ") ")).upperBound
        let fieldsAfterName = child.standardOutput[afterName...].split(separator: " ")
        #expect(fieldsAfterName.count > 2 && fieldsAfterName[2] == "\(child.pid)", "\(child.standardOutput)")
    }

    @Test func standardInputGoesThroughAndEndsWhenClosed() throws {
        let text = "première ligne\nseconde ligne sans fin"
        let echoed = try Self.sh("cat; echo ' <end>'", input: text)
        #expect(echoed == (0, text + " <end>\n", ""))

        let cat = try ChildProcess(executable: "/bin/cat", input: .pipe)
        try cat.write("one ")
        try cat.write("two")
        #expect(cat.isRunning)
        cat.closeInput()
        #expect(cat.wait() == .exited(0))
        #expect(cat.standardOutput == "one two")

        // /dev/null: end of file at once.
        let null = try ChildProcess(executable: Self.shell, arguments: ["-c", "cat; echo done"], input: .null)
        #expect(null.wait() == .exited(0) && null.standardOutput == "done\n")
    }

    @Test func writingToAChildThatStoppedReadingThrowsInsteadOfKillingTheTests() throws {
        let child = try ChildProcess(executable: Self.shell, arguments: ["-c", "exit 4"], input: .pipe)
        #expect(child.wait() == .exited(4))
        let error = try #require(throws: ChildProcessError.self) { try child.write(String(repeating: "x", count: 200_000)) }
        #expect(error.code == EPIPE && error.description.hasPrefix("cannot write to the standard input of /bin/sh: "))
        child.closeInput()
    }

    @Test func megabytesOnBothStreamsAtOnceNeitherBlockNorGetLost() throws {
        // Standard error first, all of it: were it not read while the child runs, the child would block on it forever.
        let bytes = 3 * 1_048_576 + 17
        let script = "head -c \(bytes) /dev/zero | tr '\\000' e >&2; head -c \(bytes) /dev/zero | tr '\\000' o"
        let run = try Self.sh(script)
        #expect(run.status == 0)
        #expect(run.output.utf8.count == bytes && run.output.utf8.allSatisfy { $0 == UInt8(ascii: "o") })
        #expect(run.error.utf8.count == bytes && run.error.utf8.allSatisfy { $0 == UInt8(ascii: "e") })

        // A large input goes through as well while the output is read.
        let input = String(repeating: "0123456789abcdef", count: 131_072)
        let cat = try ChildProcess.run(executable: "/bin/cat", input: input)
        #expect(cat.status == 0 && cat.output == input)
    }

    @Test func mergedOutputKeepsTheOrderTheChildWroteIn() throws {
        let child = try ChildProcess(
            executable: Self.shell, arguments: ["-c", "echo out; echo err >&2; echo out again"], error: .sameAsOutput)
        child.wait()
        #expect(child.printed == "out\nerr\nout again\n")
        #expect(child.standardOutput == child.printed && child.standardError.isEmpty)

        let merged = try ChildProcess.run(
            executable: Self.shell, arguments: ["-c", "echo a; echo b >&2"], mergingErrorIntoOutput: true)
        #expect(merged == (0, "a\nb\n", ""))
        let separate = try Self.sh("echo a; echo b >&2")
        #expect(separate == (0, "a\n", "b\n"))
    }

    @Test func whatTheChildPrintedCanBeReadWhileItRuns() async throws {
        let child = try ChildProcess(executable: Self.shell, arguments: ["-c", "echo ready; echo warming >&2; exec sleep 30"])
        defer {
            child.kill(SIGKILL)
            child.wait()
        }
        for _ in 0..<200 where !(child.printed.contains("ready") && child.printed.contains("warming")) {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(child.isRunning)
        #expect(child.standardOutput == "ready\n" && child.standardError == "warming\n")
        #expect(child.printed == "ready\nwarming\n" || child.printed == "warming\nready\n")
    }

    @Test func outputCanGoToADescriptorOfTheTestOrNowhere() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("child-process-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: file) }
        let log = open(file.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        try #require(log >= 0)
        for word in ["first", "second"] {
            let child = try ChildProcess(
                executable: Self.shell, arguments: ["-c", "echo \(word); echo \(word)-error >&2"], output: .descriptor(log),
                error: .sameAsOutput)
            #expect(child.wait() == .exited(0))
            #expect(child.printed.isEmpty)
        }
        close(log)
        #expect(try String(contentsOf: file, encoding: .utf8) == "first\nfirst-error\nsecond\nsecond-error\n")

        let silent = try ChildProcess(
            executable: Self.shell, arguments: ["-c", "echo lost; echo lost >&2"], output: .null, error: .null)
        #expect(silent.wait() == .exited(0) && silent.printed.isEmpty)
    }

    @Test func theChildRunsInTheDirectoryItIsGiven() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("child-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try ChildProcess.run(executable: "/bin/pwd", arguments: ["-P"], directory: directory.path)
        #expect(run.output == directory.resolvingSymlinksInPath().path + "\n")
        let here = try ChildProcess.run(executable: "/bin/pwd", arguments: ["-P"])
        #expect(
            here.output == URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path + "\n")

        let missing = directory.appendingPathComponent("missing").path
        let error = try #require(throws: ChildProcessError.self) {
            try ChildProcess(executable: "/bin/pwd", directory: missing)
        }
        #expect(error.description == "cannot start /bin/pwd in \(missing): No such file or directory (posix_spawn)")
    }

    @Test func theEnvironmentIsExactlyTheOneGivenOrElseInherited() throws {
        let given = try ChildProcess.run(executable: "/usr/bin/env", environment: ["GLOCAL_CHILD": "one two", "LANG": "C"])
        #expect(Set(given.output.split(separator: "\n")) == ["GLOCAL_CHILD=one two", "LANG=C"])
        let inherited = try ChildProcess.run(executable: "/usr/bin/env")
        let path = try #require(ProcessInfo.processInfo.environment["PATH"])
        #expect(inherited.output.split(separator: "\n").contains("PATH=\(path)"))
        #expect(!inherited.output.contains("GLOCAL_CHILD="))
    }

    @Test func noOtherDescriptorOfTheTestProcessReachesTheChild() throws {
        // A descriptor opened without close-on-exec, as some library might, at a number nothing else takes.
        let opened = open("/dev/null", O_RDONLY)
        try #require(opened >= 0)
        defer { close(opened) }
        let leaky = fcntl(opened, F_DUPFD, 900)
        try #require(leaky >= 900)
        defer { close(leaky) }
        #expect(fcntl(leaky, F_GETFD) & FD_CLOEXEC == 0)
        let child = try ChildProcess(executable: "/bin/ls", arguments: ["/proc/self/fd"], input: .pipe)
        child.closeInput()
        child.wait()
        let listed = Set(child.standardOutput.split(separator: "\n").map(String.init))
        // 0, 1 and 2, and the descriptor ls lists /proc/self/fd with.
        #expect(listed.isSuperset(of: ["0", "1", "2"]), "\(listed)")
        #expect(!listed.contains("\(leaky)") && !listed.contains("\(opened)"), "\(listed)")
        #expect(listed.count <= 4, "\(listed.sorted())")
    }

    @Test func aProgramThatCannotStartIsAnErrorNamingIt() throws {
        let missing = "/nonexistent/glocal-no-such-program"
        let notFound = try #require(throws: ChildProcessError.self) {
            try ChildProcess(executable: missing, arguments: ["--version"])
        }
        #expect(notFound.description == "cannot start \(missing): No such file or directory (posix_spawn)")
        #expect(notFound.code == ENOENT && notFound.executable == missing)

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("child-process-\(UUID().uuidString)")
        try Data("#!/bin/sh\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let notExecutable = try #require(throws: ChildProcessError.self) { try ChildProcess.run(executable: file.path) }
        #expect(notExecutable.description == "cannot start \(file.path): Permission denied (posix_spawn)")
    }
}
