import Foundation
import GlocalStore
import GlocalTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `glocal account connect ID --browser` against the real `glocal sandbox`: it prints the sign-in URL, listens once on
/// loopback for the redirect, checks it like the web UI and seals the tokens, audited as the operator. A person's clicks
/// are played by plain requests.
struct AccountConnectBrowserTests {
    /// A running `glocal` whose output is collected as it comes.
    final class Running: Sendable {
        let process: ChildProcess

        /// Starts `glocal ARGUMENTS`; its standard input is a pipe left open, never written to.
        init(_ arguments: [String], in directory: URL? = nil) throws {
            process = try GlocalProcess.start(arguments, in: directory, input: .pipe, error: .sameAsOutput)
        }

        var printed: String { process.printed }

        /// The first match of `pattern` in the output, waiting for it at most a minute.
        func waitFor(_ pattern: Regex<(Substring, Substring)>) async throws -> String {
            for _ in 0..<600 {
                if let match = printed.firstMatch(of: pattern) { return String(match.1) }
                if !process.isRunning { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw CancellationError()
        }
    }

    @Test(.timeLimit(.minutes(5))) func theOperatorSignsInOnTheNetworksPageAndTheTokensAreSealed() async throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let sandbox = try Running(["sandbox", "--port", "0"])
        defer {
            // `glocal sandbox` has no graceful stop.
            sandbox.process.kill(SIGKILL)
            sandbox.process.wait()
        }
        let sandboxURL = try await sandbox.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/)
        let command = try Running(
            ["account", "connect", "lum-fr-x", "--browser", "--port", "0", "--oauth-sandbox", sandboxURL], in: workspace.root)
        defer { if command.process.isRunning { command.process.terminate() } }
        let authorize = try #require(URL(string: try await command.waitFor(/\n  (http:\/\/\S+)/)))
        #expect(authorize.absoluteString.hasPrefix(sandboxURL + "/x/oauth/authorize?"))
        let query = URLComponents(url: authorize, resolvingAgainstBaseURL: false)?.queryItems ?? []
        let redirect = try #require(query.first { $0.name == "redirect_uri" }?.value)
        #expect(redirect.hasPrefix("http://127.0.0.1:") && redirect.hasSuffix("/connect/x/callback"))

        // The person approves as the hinted account with every permission; the browser follows the redirect home.
        var fields = query.filter { $0.name != "login_hint" }.map { ($0.name, $0.value ?? "") }
        fields.append(("decision", "approve"))
        fields.append(("account", query.first { $0.name == "login_hint" }?.value ?? ""))
        for scope in (query.first { $0.name == "scope" }?.value ?? "").split(separator: " ") {
            fields.append(("granted", String(scope)))
        }
        var form = URLRequest(url: URL(string: sandboxURL + "/x/oauth/authorize")!)
        form.httpMethod = "POST"
        form.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        form.httpBody = Data(
            fields.map {
                "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
            }
            .joined(separator: "&").utf8)
        let (page, response) = try await URLSession.shared.data(for: form)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: page, as: UTF8.self).contains("glocal received the network's answer"))

        for _ in 0..<600 where command.process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(command.process.terminationStatus == 0, "\(command.printed)")
        #expect(command.printed.contains("Connected lum-fr-x as "), "\(command.printed)")
        #expect(!command.printed.contains("~access-") && !command.printed.contains("~refresh-"))
        let store = try SQLiteVariantStore(path: workspace.root.appendingPathComponent(".glocal/glocal.sqlite").path)
        let events = try store.accountAuditEvents(account: "lum-fr-x").filter { $0.action == .connect }
        #expect(events.count == 1 && events.first?.actor.hasPrefix("cli:") == true)
        #expect(events.first?.reason?.contains("OAuth as ") == true && events.first?.reason?.contains("offline.access") == true)
    }
}
