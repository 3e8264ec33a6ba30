import ArgumentParser
import Foundation
import GlocalCore
import GlocalSandbox

/// `glocal sandbox`: serves a local stand-in for every supported network until interrupted.
struct SandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Serve a local stand-in for every supported network (same paths, bodies, errors and rate-limit headers).",
        discussion: """
            Networks live under http://HOST:PORT/<network>/… (\(Network.allCases.map(\.rawValue).joined(separator: ", "))), \
            each with its sign-in flow at /<network>/oauth/…; the webhook under /webhook/. Admin API under /_sandbox/: POST faults, GET posts, \
            POST reset, POST clock, POST audiences. See docs/networks.md. State is in memory; stop with Ctrl-C.
            """)

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int = 8787

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        let done = DispatchSemaphore(value: 0)
        let failure = MessageBox()
        let (host, port) = (self.host, self.port)
        Task {
            do {
                try await SandboxServer().run(host: host, port: port) { bound in
                    FileHandle.standardOutput.write(Data("glocal sandbox listening on http://\(host):\(bound)\n".utf8))
                }
            } catch { failure.message = String(describing: error) }
            done.signal()
        }
        done.wait()
        if let message = failure.message { throw CommandFailure(message: "sandbox stopped: \(message)") }
    }
}
