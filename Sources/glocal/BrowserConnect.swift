import Foundation
import GlocalCore
import GlocalNetworks
import GlocalServer
import GlocalUseCases

/// `glocal account connect ID --browser`: wires ``BrowserSignIn`` to the terminal and the loopback listener. It prints
/// the authorization URL and waits for the redirect; Bluesky reads an app password from standard input instead.
struct BrowserConnect {
    let connect: ConnectOptions
    let port: Int

    /// The connected account, or a failure saying why (nothing is stored by this type).
    func run(_ account: Account, now: Date) throws -> ConnectedAccount {
        let (connector, bluesky) = connect.connector(
            sandbox: try connect.sandbox(fallback: nil), appVariables: try Self.configuredAppVariables())
        let signIn = BrowserSignIn(connector: connector, bluesky: bluesky)
        let port = self.port
        if account.network == .bluesky {
            FileHandle.standardError.write(Data("App password for \(account.handle) (xxxx-xxxx-xxxx-xxxx): ".utf8))
            let password = readLine(strippingNewline: true) ?? ""
            return try Self.wait { await signIn.appPassword(account, appPassword: password, now: now) }
        }
        return try Self.wait {
            await signIn.signIn(
                account, now: now,
                receive: { try await ConnectCallbackListener.receive(port: port, accepts: $0, onListening: $1) },
                show: { url, redirectURI in
                    UnbufferedOutput.say("Open this URL in a browser and sign in as \(account.handle):\n  \(url.absoluteString)")
                    UnbufferedOutput.say("Waiting for the network's answer on \(redirectURI) (Ctrl-C stops)")
                })
        }
    }

    /// The app variables the service configuration (`$GLOCAL_CONFIG`, else `glocal-service.yaml` here, if any) names,
    /// so `account connect --browser` uses the same apps as `serve` and `run`.
    static func configuredAppVariables(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> [String: (id: String, secret: String)] {
        try ServiceOptions.parse([]).resolve(flags: [:], environment: environment).appCredentialVariables
    }

    /// Runs `body` to its end from this synchronous command; a refusal becomes the command's failure.
    private static func wait(
        _ body: @escaping @Sendable () async -> Result<ConnectedAccount, ConnectRefusal>
    ) throws -> ConnectedAccount {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.set(await body())
            done.signal()
        }
        done.wait()
        return try box.connected()
    }

    /// Carries the result out of the task.
    final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<ConnectedAccount, ConnectRefusal>?

        func set(_ result: Result<ConnectedAccount, ConnectRefusal>) { lock.withLock { self.result = result } }

        func connected() throws -> ConnectedAccount {
            switch lock.withLock({ result }) {
            case .success(let connected): return connected
            case .failure(let refusal): throw CommandFailure(message: "not connected: \(refusal.description)")
            case nil: throw CommandFailure(message: "not connected: no answer")
            }
        }
    }
}
