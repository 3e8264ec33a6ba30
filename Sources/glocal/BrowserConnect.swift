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
        let (connector, bluesky) = connect.connector(sandbox: try connect.sandbox(fallback: nil))
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
            do {
                let base = URL(string: "http://127.0.0.1:\(port)")!
                let (attempt, url) = try await connector.begin(
                    account: account, sessionKey: session, actor: "cli", publicBaseURL: base, now: now
                ).get()
                var ledger = ConnectAttemptLedger()
                ledger.add(attempt, now: now)
                let (network, query) = try await ConnectCallbackListener.receive(port: port) { _ in
                    UnbufferedOutput.say("Open this URL in a browser and sign in as \(account.handle):\n  \(url.absoluteString)")
                    UnbufferedOutput.say("Waiting for the network's answer on http://127.0.0.1:\(port)/connect/… (Ctrl-C stops)")
                }
                // On the command's clock (`--now`), moved on by the time spent waiting for the person.
                let later = now.addingTimeInterval(Date().timeIntervalSince(started))
                let checked = try ledger.take(state: query["state"], sessionKey: session, network: network, now: later).get()
                box.set(await connector.finish(attempt: checked, callback: query, account: account, now: later))
            } catch let refusal as ConnectRefusal {
                box.set(.failure(refusal))
            } catch {
                box.set(.failure(.exchangeFailed("\(error)")))
            }
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
