import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import GlocalTestSupport
import Testing

/// The real `glocal` binary running `serve` on a free loopback port, its output collected.
final class ServedProcess: Sendable {
    let process: ChildProcess

    /// Starts `glocal COMMAND --port 0 ARGUMENTS` (`serve` or `run`); `waitUntilReady` waits for its URL.
    init(command: String = "serve", arguments: [String], directory: URL? = nil) throws {
        process = try ChildProcess(
            executable: try Self.executable().path, arguments: [command, "--port", "0"] + arguments, directory: directory?.path,
            error: .sameAsOutput)
    }

    /// Everything the server printed so far.
    var printed: String { process.printed }

    /// The base URL once the server prints it and `path` answers 200 (`/healthz` for `glocal run`:
    /// its dispatcher has finished a round); polls at most `attempts` times.
    func waitUntilReady(attempts: Int = 600, path: String = "/health") async throws -> String {
        for _ in 0..<attempts {
            if !process.isRunning { break }
            // The approval UI's own line: `run --demo` prints the sandbox's URL first.
            if let match = printed.firstMatch(of: /approval UI on (http:\/\/127\.0\.0\.1:\d+)/) {
                let base = String(match.1)
                if let url = URL(string: base + path), let (_, response) = try? await URLSession.shared.data(from: url),
                    (response as? HTTPURLResponse)?.statusCode == 200
                {
                    return base
                }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        if !process.isRunning { process.wait() }  // then `printed` holds all it printed
        throw ServeFailure(message: "glocal serve did not become ready:\n\(printed)")
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.wait()
        }
    }

    /// Sends SIGTERM and returns the exit status once the process has stopped by itself.
    func terminateGracefully() -> Int32 {
        process.terminate()
        return process.wait().status
    }

    static func executable() throws -> URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("glocal"),
            Bundle.main.bundleURL.appendingPathComponent("glocal"),
            root.appendingPathComponent(".build/debug/glocal"),
        ]
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
    }
}

struct ServeFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
