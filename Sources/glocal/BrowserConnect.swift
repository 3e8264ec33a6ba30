import Foundation
import GlocalCore
import GlocalNetworks
import GlocalServer

/// `glocal account connect ID --browser`: the network's own sign-in from the terminal. It prints the authorization
/// URL, waits for the redirect on a one-shot loopback listener, and runs the same checks as the web UI (state, scopes,
/// identity); Bluesky reads an app password from standard input instead.
struct BrowserConnect {
    let connect: ConnectOptions
    let port: Int

    /// The connected account, or a failure saying why (nothing is stored by this type).
    func run(_ account: Account, now: Date) throws -> ConnectedAccount {
        let (connector, bluesky) = connect.connector(
            sandbox: try connect.sandbox(fallback: nil), appVariables: try Self.configuredAppVariables())
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let port = self.port
        if account.network == .bluesky {
            FileHandle.standardError.write(Data("App password for \(account.handle) (xxxx-xxxx-xxxx-xxxx): ".utf8))
            let password = readLine(strippingNewline: true) ?? ""
            Task {
                box.set(await bluesky.connect(handle: account.handle, appPassword: password, now: now))
                done.signal()
            }
            done.wait()
            return try box.connected()
        }
        let session = ConnectAttempt.sessionKey(of: "cli:\(UUID().uuidString)")
        let started = Date()
        Task {
            let pending = AttemptBox()
            do {
                // The redirect URI names the port actually bound (`--port 0` picks a free one).
                let (network, query) = try await ConnectCallbackListener.receive(port: port) { bound in
                    let base = URL(string: "http://127.0.0.1:\(bound)")!
                    switch await connector.begin(
                        account: account, sessionKey: session, actor: "cli", publicBaseURL: base, now: now)
                    {
                    case .success(let (attempt, url)):
                        pending.set(attempt)
                        UnbufferedOutput.say(
                            "Open this URL in a browser and sign in as \(account.handle):\n  \(url.absoluteString)")
                        UnbufferedOutput.say("Waiting for the network's answer on \(attempt.redirectURI) (Ctrl-C stops)")
                        return true
                    case .failure(let refusal):
                        box.set(.failure(refusal))
                        return false
                    }
                }
                guard let attempt = pending.get() else { throw ConnectRefusal.stateUnknown }
                var ledger = ConnectAttemptLedger()
                ledger.add(attempt, now: now)
                // On the command's clock (`--now`), moved on by the time spent waiting for the person.
                let later = now.addingTimeInterval(Date().timeIntervalSince(started))
                let checked = try ledger.take(state: query["state"], sessionKey: session, network: network, now: later).get()
                box.set(await connector.finish(attempt: checked, callback: query, account: account, now: later))
            } catch let refusal as ConnectRefusal {
                box.set(.failure(refusal))
            } catch {
                if !box.isSet { box.set(.failure(.exchangeFailed("\(error)"))) }
            }
            done.signal()
        }
        done.wait()
        return try box.connected()
    }

    /// The app variables the service configuration (`$GLOCAL_CONFIG`, else `glocal-service.yaml` here, if any) names,
    /// so `account connect --browser` uses the same apps as `serve` and `run`.
    static func configuredAppVariables(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> [String: (id: String, secret: String)] {
        try ServiceOptions.parse([]).resolve(flags: [:], environment: environment).appCredentialVariables
    }

    /// The attempt started once the listener is bound.
    final class AttemptBox: @unchecked Sendable {
        private let lock = NSLock()
        private var attempt: ConnectAttempt?

        func set(_ attempt: ConnectAttempt) { lock.withLock { self.attempt = attempt } }
        func get() -> ConnectAttempt? { lock.withLock { attempt } }
    }

    /// Carries the result out of the task.
    final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<ConnectedAccount, ConnectRefusal>?

        func set(_ result: Result<ConnectedAccount, ConnectRefusal>) { lock.withLock { self.result = result } }

        var isSet: Bool { lock.withLock { result != nil } }

        func connected() throws -> ConnectedAccount {
            switch lock.withLock({ result }) {
            case .success(let connected): return connected
            case .failure(let refusal): throw CommandFailure(message: "not connected: \(refusal.description)")
            case nil: throw CommandFailure(message: "not connected: no answer")
            }
        }
    }
}
