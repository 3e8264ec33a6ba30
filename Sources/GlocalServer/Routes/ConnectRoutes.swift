import Foundation
import GlocalCore
import GlocalNetworks
import GlocalStore
import Hummingbird

/// Connecting accounts from the accounts page: `POST /accounts/ID/connect` starts the network's own sign-in (a state
/// bound to the session, single use, ten minutes; PKCE where the network uses it) and sends the browser there;
/// `GET /connect/NETWORK/callback` checks the state, exchanges the code, checks the scopes and that the account
/// signed in is the one accounts.yaml declares, and only then seals the tokens (audited: who, when, as whom, which
/// scopes, until when). Bluesky takes an app password on `/accounts/ID/connect`. A manager connects their teams'
/// accounts, an admin any; a refusal says why and stores nothing. Sign-ins under way are kept in the store (sealed),
/// so a server restarted between the two, or another node behind the same address, finishes them.
public struct ConnectRoutes: Sendable {
    /// The OAuth flows.
    public let connector: OAuthConnector
    /// Bluesky's app-password sign-in.
    public let bluesky: BlueskyAppPasswordLogin
    /// Where tokens are sealed, and sign-ins under way kept.
    public let secrets: any CredentialVault

    /// Creates the routes.
    public init(connector: OAuthConnector, bluesky: BlueskyAppPasswordLogin, secrets: any CredentialVault) {
        self.connector = connector
        self.bluesky = bluesky
        self.secrets = secrets
    }

    func register(on router: Router<AppRequestContext>, environment: ServerEnvironment) {
        let guardian = RequestGuard(environment: environment)
        router.post("/accounts/:account/connect") { request, context -> Response in
            let session = try guardian.session(context)
            _ = try await guardian.form(request, context: context, session: session)
            let account = try Self.permitted(context, session: session, environment: environment)
            guard account.network != .bluesky else { return Layout.redirect(to: AccountsPage.path(account.id.value, "connect")) }
            let base = environment.publicURL ?? Self.requestBase(request)
            let started = await connector.begin(
                account: account, sessionKey: Self.sessionKey(session), actor: session.user.email, publicBaseURL: base,
                now: environment.now())
            switch started {
            case .success(let (attempt, url)):
                try secrets.keepConnectAttempt(attempt, now: environment.now())
                return ConnectPage.leaving(to: url, network: account.network, session: session)
            case .failure(let refusal):
                return ConnectPage.refused(
                    account: account.id.value, refusal: refusal, session: session, status: .serviceUnavailable)
            }
        }
        router.get("/accounts/:account/connect") { _, context -> Response in
            let session = try guardian.session(context)
            let account = try Self.permitted(context, session: session, environment: environment)
            guard account.network == .bluesky else { return Layout.redirect(to: "/accounts") }
            return ConnectPage.appPassword(account: account.id.value, handle: account.handle, session: session, error: nil)
        }
        router.post("/accounts/:account/connect/app-password") { request, context -> Response in
            let session = try guardian.session(context)
            let form = try await guardian.form(request, context: context, session: session)
            let account = try Self.permitted(context, session: session, environment: environment)
            guard account.network == .bluesky else { return Layout.redirect(to: "/accounts") }
            let password = (form["app_password"] ?? "").trimmingCharacters(in: .whitespaces)
            let result = await bluesky.connect(handle: account.handle, appPassword: password, now: environment.now())
            switch result {
            case .success(let connected):
                return try seal(connected, account: account.id.value, flow: "Bluesky app password", session: session, environment)
            case .failure(let refusal):
                return ConnectPage.appPassword(
                    account: account.id.value, handle: account.handle, session: session, error: refusal.description)
            }
        }
        router.get("/connect/:network/callback") { request, context -> Response in
            let session = try guardian.session(context)
            let network = try context.parameters.require("network")
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
            let now = environment.now()
            let key = Self.sessionKey(session)
            let taken = try take(state: query["state"], sessionKey: key, network: network, now: now)
            let attempt: ConnectAttempt
            switch taken {
            case .success(let found): attempt = found
            case .failure(let refusal):
                return ConnectPage.refused(account: nil, refusal: refusal, session: session, status: .badRequest)
            }
            let account = try Self.permitted(attempt.accountID, session: session, environment: environment)
            switch await connector.finish(attempt: attempt, callback: query, account: account, now: now) {
            case .success(let connected):
                return try seal(connected, account: attempt.accountID, flow: "OAuth", session: session, environment)
            case .failure(let refusal):
                return ConnectPage.refused(
                    account: attempt.accountID, refusal: refusal, session: session, status: .unprocessableContent)
            }
        }
    }

    /// The kept attempt a callback's `state` names, checked (``ConnectAttemptLedger/check(_:sessionKey:network:now:)``);
    /// taken from the store whatever the outcome: a state serves once, even a refused one.
    private func take(state: String?, sessionKey: String, network: String, now: Date) throws -> Result<
        ConnectAttempt, ConnectRefusal
    > {
        guard let state, !state.isEmpty else { return .failure(.stateMissing) }
        guard let attempt = try secrets.takeConnectAttempt(state: state) else { return .failure(.stateUnknown) }
        return ConnectAttemptLedger.check(attempt, sessionKey: sessionKey, network: network, now: now)
    }

    /// Seals the credentials and audits the connection; then back to the accounts page.
    private func seal(
        _ connected: ConnectedAccount, account: String, flow: String, session: Session, _ environment: ServerEnvironment
    ) throws -> Response {
        try secrets.connect(
            try connected.credentials.encoded(), account: account, actor: session.user.email, now: environment.now(),
            note: connected.auditNote(flow: flow))
        return AccountRoutes.done(.connected, session: session, environment: environment, fragment: "#account-\(account)")
    }

    /// The route's account if the user may connect it: 403 outside their teams or for a viewer, 404 if unknown.
    private static func permitted(_ context: AppRequestContext, session: Session, environment: ServerEnvironment) throws
        -> Account
    {
        let raw = try context.parameters.require("account")
        return try permitted(raw.removingPercentEncoding ?? raw, session: session, environment: environment)
    }

    private static func permitted(_ id: String, session: Session, environment: ServerEnvironment) throws -> Account {
        let scope = environment.scope(of: session.user)
        // An account the workspace does not declare is 404 to everyone, as for pausing (its name tells nothing).
        guard let account = environment.accountsByID[id] else { throw HTTPError(.notFound, message: "No account '\(id)'.") }
        guard scope.canSee(account: id) else { throw RequestGuard.forbidden(id) }
        guard scope.canAct(on: id) else {
            throw HTTPError(.forbidden, message: "You may not connect accounts (role \(scope.role.rawValue)).")
        }
        return account
    }

    /// The session's key for attempts: a digest of its CSRF token (one per session), never the token itself.
    static func sessionKey(_ session: Session) -> String {
        ConnectAttempt.sessionKey(of: "\(session.user.email)\n\(session.csrfToken)")
    }

    /// `http://HOST` as the browser addressed glocal, when no public URL is configured.
    static func requestBase(_ request: Request) -> URL {
        URL(string: "http://\(request.head.authority ?? "127.0.0.1")") ?? URL(string: "http://127.0.0.1")!
    }
}
