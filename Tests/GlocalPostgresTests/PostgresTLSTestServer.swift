import Foundation
import GlocalTestSupport
import Testing

/// A PostgreSQL server of its own that also accepts TLS (`GLOCAL_TEST_POSTGRES_SSL=1 scripts/postgres-test-server
/// start`): its certificate names `localhost` only, signed by a throwaway authority whose certificate is `rootCertificate`.
struct PostgresTLSTestServer {
    /// The server's port on 127.0.0.1.
    let port: String
    /// The PEM file of the authority that signed the server's certificate.
    let rootCertificate: String
    private let directory: String

    init() throws {
        var values: [String: String] = [:]
        for line in try Self.script(["start"], tls: true).split(separator: "\n") {
            let parts = line.replacingOccurrences(of: "export ", with: "").split(separator: "=", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        let url = try #require(values["GLOCAL_TEST_POSTGRES_URL"])
        port = try #require(url.split(separator: ":").last?.split(separator: "/").first.map(String.init))
        directory = try #require(values["GLOCAL_TEST_POSTGRES_DIR"])
        rootCertificate = try #require(values["GLOCAL_TEST_POSTGRES_ROOT_CERT"])
    }

    /// The URL of the test database on `host` (`localhost` or `127.0.0.1`), with `query`.
    func url(host: String, _ query: String = "") -> String {
        "postgres://postgres@\(host):\(port)/glocal_test" + (query.isEmpty ? "" : "?" + query)
    }

    /// Stops the server and removes its directory.
    func stop() { _ = try? Self.script(["stop", directory], tls: false) }

    /// Runs the script and returns what it printed. Its standard output is a file, not a pipe: the server it leaves
    /// running inherits that descriptor, so a pipe would never reach its end. Its standard error is this process's.
    private static func script(_ arguments: [String], tls: Bool) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("postgres-test-server-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/postgres-test-server").path
        var environment = ProcessInfo.processInfo.environment
        if tls { environment["GLOCAL_TEST_POSTGRES_SSL"] = "1" }
        let file = open(output.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        try #require(file >= 0, "cannot create \(output.path)")
        defer { close(file) }
        let child = try ChildProcess(
            executable: script, arguments: arguments, environment: environment, output: .descriptor(file), error: .inherit)
        let ended = child.wait()
        try #require(ended == .exited(0), "postgres-test-server \(arguments.joined(separator: " ")) failed (\(ended))")
        return try String(contentsOf: output, encoding: .utf8)
    }
}
