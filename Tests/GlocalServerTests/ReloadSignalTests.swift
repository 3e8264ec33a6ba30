import Foundation
import GlocalTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGHUP to a real `glocal serve`: the workspace is re-read and served; a broken one is refused, the
/// previous one kept, and the diagnostics logged.
struct ReloadSignalTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let admin = "admin@lumiere.example"
    static let password = "a long enough password"

    @Test(.timeLimit(.minutes(5)), arguments: ["serve", "run"])
    func sighupReloadsTheServedWorkspaceAndKeepsItWhenTheNewOneIsBroken(command: String) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["glocal.yaml", "accounts.yaml", "locales", "campaigns", "assets"] {
            try FileManager.default.copyItem(
                at: Self.repositoryRoot.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        let database = directory.appendingPathComponent("store/glocal.sqlite").path
        try Self.addAdmin(workspace: directory, database: database)
        // `run` dispatches too (to a sandbox address nothing listens on: nothing is approved, nothing is sent);
        // after a reload its next rounds use a dispatcher of the new workspace.
        let extra = command == "run" ? ["--sandbox", "http://127.0.0.1:9"] : []
        let served = try ServedProcess(
            command: command,
            arguments: ["--workspace", directory.path, "--database", database, "--log-format", "json"] + extra,
            directory: directory)
        defer { served.stop() }
        let base = try await served.waitUntilReady(path: command == "run" ? "/healthz" : "/health")
        let port = try #require(Int(base.split(separator: ":").last ?? ""))
        let cookie = try Self.signIn(port: port)
        let newAccount = "lumiere-fr-reload-x"
        #expect(try !Self.get("/accounts", port: port, cookie: cookie).contains(newAccount))

        let accountsURL = directory.appendingPathComponent("accounts.yaml")
        let original = try String(contentsOf: accountsURL, encoding: .utf8)
        let added = original + "  - id: \(newAccount)\n    network: x\n    handle: \"LumiereReload\"\n    locale: fr-FR\n"
        try Data(added.utf8).write(to: accountsURL)
        served.process.kill(SIGHUP)
        var reloaded = false
        for _ in 0..<300 where !reloaded {
            reloaded = try Self.get("/accounts", port: port, cookie: cookie).contains(newAccount)
            if !reloaded { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(reloaded, "the new account never appeared:\n\(served.printed)")
        #expect(served.printed.contains("\"message\":\"workspace reloaded\""))

        // Broken YAML: refused, the previous workspace still served, the diagnostics in the log.
        try Data((added + "  - id: [unclosed\n").utf8).write(to: accountsURL)
        served.process.kill(SIGHUP)
        var refused = false
        for _ in 0..<300 where !refused {
            refused = served.printed.contains("workspace reload refused")
            if !refused { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(refused, "\(served.printed)")
        #expect(served.printed.contains("accounts.yaml:"))
        #expect(try Self.get("/accounts", port: port, cookie: cookie).contains(newAccount))
        #expect(served.process.isRunning)
        #expect(served.terminateGracefully() == 0)
    }

    static func addAdmin(workspace: URL, database: String) throws {
        let added = try ChildProcess.run(
            executable: try ServedProcess.executable().path,
            arguments: [
                "user", "add", admin, "--role", "admin", "--password-stdin", "--workspace", workspace.path, "--database",
                database,
            ], input: password + "\n")
        #expect(added.status == 0, "\(added.error)")
    }

    /// Signs in over a raw connection; returns the session cookie (`name=value`).
    static func signIn(port: Int) throws -> String {
        let form = try exchange("GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", port: port)
        let csrfStart = try #require(form.range(of: "name=\"csrf\" value=\""))
        let csrf = String(form[csrfStart.upperBound...].prefix { $0 != "\"" })
        let cookies = setCookies(form)
        let body =
            "csrf=\(csrf)&email=\(admin.replacingOccurrences(of: "@", with: "%40"))&password=\(password.replacingOccurrences(of: " ", with: "+"))"
        let answer = try exchange(
            "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + (cookies.isEmpty ? "" : "Cookie: \(cookies.joined(separator: "; "))\r\n")
                + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)", port: port)
        return try #require(setCookies(answer).first { $0.hasPrefix("glocal_session=") }, "\(answer.prefix(400))")
    }

    static func get(_ path: String, port: Int, cookie: String) throws -> String {
        try exchange("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: \(cookie)\r\n\r\n", port: port)
    }

    static func setCookies(_ response: String) -> [String] {
        response.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n").compactMap { line in
            guard line.lowercased().hasPrefix("set-cookie:") else { return nil }
            return line.dropFirst("set-cookie:".count).split(separator: ";")[0].trimmingCharacters(in: .whitespaces)
        }
    }

    /// Sends `request` and reads the whole answer (the server closes the connection after it).
    static func exchange(_ request: String, port: Int) throws -> String {
        let connection = try LoopbackConnection(port: port)
        try connection.send(request)
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(connection.descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        return String(decoding: data, as: UTF8.self)
    }
}
