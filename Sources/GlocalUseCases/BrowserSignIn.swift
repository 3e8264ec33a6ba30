import Foundation
import GlocalCore
import GlocalNetworks
import Synchronization

/// `glocal account connect ID --browser`: the network's own sign-in from a terminal. It starts the attempt once the
/// loopback listener is bound (the redirect URI names the port actually bound), has the person sent to the network's
/// page, and checks the redirect like the web UI (state, session, network, ten minutes; then scopes and identity);
/// Bluesky takes an app password instead. Nothing is stored here: the caller seals what it returns.
public struct BrowserSignIn: Sendable {
    /// Listens on loopback for the network's redirect: calls `onListening` with the bound port once it listens (an
    /// answer of `false` stops listening and throws), then returns the first callback `accepts` takes (one carrying
    /// this sign-in's `state`; any other is answered and ignored), with its network and query.
    public typealias CallbackReceiver =
        @Sendable (
            _ accepts: @escaping @Sendable ([String: String]) -> Bool,
            _ onListening: @escaping @Sendable (Int) async -> Bool
        ) async throws -> (network: String, query: [String: String])

    /// The OAuth flows.
    public let connector: OAuthConnector
    /// Bluesky's app-password sign-in.
    public let bluesky: BlueskyAppPasswordLogin
    private let wallClock: @Sendable () -> Date

    /// A sign-in through `connector` and `bluesky`; `wallClock` measures how long the person took (the command's own
    /// clock, `--now`, is moved on by that much).
    public init(
        connector: OAuthConnector, bluesky: BlueskyAppPasswordLogin, wallClock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.connector = connector
        self.bluesky = bluesky
        self.wallClock = wallClock
    }

    /// Bluesky: signs in as `account`'s handle with `appPassword`.
    public func appPassword(_ account: Account, appPassword: String, now: Date) async -> Result<ConnectedAccount, ConnectRefusal>
    {
        await bluesky.connect(handle: account.handle, appPassword: appPassword, now: now)
    }

    /// Every other network: starts the attempt once `receive` listens, hands the sign-in URL and the redirect URI to
    /// `show`, and finishes from the callback `receive` returns.
    public func signIn(
        _ account: Account, now: Date, receive: CallbackReceiver,
        show: @escaping @Sendable (_ url: URL, _ redirectURI: String) -> Void
    ) async -> Result<ConnectedAccount, ConnectRefusal> {
        let session = ConnectAttempt.sessionKey(of: "cli:\(UUID().uuidString)")
        let started = wallClock()
        let begun = Mutex<Result<ConnectAttempt, ConnectRefusal>?>(nil)
        let connector = self.connector
        do {
            // Only the answer to this attempt ends the wait: a stray request to the callback cannot stop the sign-in.
            let ours: @Sendable ([String: String]) -> Bool = { query in
                guard let state = query["state"], let attempt = try? begun.withLock({ $0 })?.get() else { return false }
                return state == attempt.state
            }
            let (network, query) = try await receive(ours) { port in
                let base = URL(string: "http://127.0.0.1:\(port)")!
                switch await connector.begin(account: account, sessionKey: session, actor: "cli", publicBaseURL: base, now: now) {
                case .success(let (attempt, url)):
                    begun.withLock { $0 = .success(attempt) }
                    show(url, attempt.redirectURI)
                    return true
                case .failure(let refusal):
                    begun.withLock { $0 = .failure(refusal) }
                    return false
                }
            }
            guard let attempt = try begun.withLock({ $0 })?.get() else { return .failure(.stateUnknown) }
            var ledger = ConnectAttemptLedger()
            ledger.add(attempt, now: now)
            let later = now.addingTimeInterval(wallClock().timeIntervalSince(started))
            switch ledger.take(state: query["state"], sessionKey: session, network: network, now: later) {
            case .success(let checked):
                return await connector.finish(attempt: checked, callback: query, account: account, now: later)
            case .failure(let refusal): return .failure(refusal)
            }
        } catch let refusal as ConnectRefusal {
            return .failure(refusal)
        } catch {
            // A sign-in that could not start stopped the listener: its reason, not the listener's.
            if case .failure(let refusal)? = begun.withLock({ $0 }) { return .failure(refusal) }
            return .failure(.exchangeFailed("\(error)"))
        }
    }
}
