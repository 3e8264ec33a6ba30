import Foundation
import GlocalCore

/// Runs a network's authorization flow for one account: the authorization URL to send the person to, then, from the
/// callback, the code exchange (with the PKCE verifier and the exact redirect URI), the scope check, Meta's long-lived
/// token, the identity lookup and its match against accounts.yaml. Nothing is stored here: the caller seals
/// ``ConnectedAccount/credentials`` only when every check passed.
public struct OAuthConnector: Sendable {
    /// The apps glocal is registered as, by network raw value (Mastodon's are registered per instance instead).
    public let apps: [String: OAuthApp]
    /// The HTTP transport.
    public let transport: any HTTPTransport
    /// The sandbox standing in for every network, if any.
    public let sandbox: URL?
    /// Mastodon apps registered so far, per instance.
    public let mastodonApps: MastodonAppRegistry
    /// The variables the configuration names for some networks' apps (`client_id_env` / `client_secret_env`), for
    /// the message when an app is missing; other networks' are `GLOCAL_<NETWORK>_CLIENT_ID` / `_CLIENT_SECRET`.
    public let appVariables: [String: (id: String, secret: String)]

    /// Creates a connector; with `sandbox`, every flow goes to the sandbox with its own app. `appVariables` names the
    /// variables `apps` were read from where the configuration chose them.
    public init(
        apps: [String: OAuthApp], transport: any HTTPTransport, sandbox: URL? = nil,
        appVariables: [String: (id: String, secret: String)] = [:]
    ) {
        self.apps = apps
        self.transport = transport
        self.sandbox = sandbox
        self.appVariables = appVariables
        mastodonApps = MastodonAppRegistry(transport: transport)
    }

    /// The flow of `network` as this connector runs it (production, or the sandbox's).
    public func provider(for network: Network) -> OAuthProvider? {
        guard let provider = OAuthProvider.of(network) else { return nil }
        return sandbox.map(provider.inSandbox) ?? provider
    }

    /// Starts connecting `account`: a new attempt (random state, PKCE verifier) and the URL of the network's page.
    public func begin(
        account: Account, sessionKey: String, actor: String, publicBaseURL: URL, now: Date
    ) async -> Result<(attempt: ConnectAttempt, url: URL), ConnectRefusal> {
        guard let network = account.network, let provider = provider(for: network) else {
            return .failure(.unsupported("glocal knows no sign-in flow for this account's network"))
        }
        guard provider.flow == .authorizationCode else {
            return .failure(.unsupported("\(network.displayName) connects with an app password, not a sign-in page"))
        }
        let instance =
            provider.registersPerInstance
            ? sandbox.map { $0.appendingPathComponent(network.rawValue) } ?? Self.instanceURL(account.instance) : nil
        if provider.registersPerInstance && instance == nil {
            return .failure(.unsupported("accounts.yaml gives no instance for \(account.id.value): add `instance: https://…`"))
        }
        let redirect = ConnectAttempt.redirectURI(base: publicBaseURL, network: network.rawValue)
        let app: OAuthApp
        switch await self.app(for: provider, instance: instance, redirectURI: redirect) {
        case .success(let found): app = found
        case .failure(let refusal): return .failure(refusal)
        }
        // The instance's app goes with the attempt: the code is issued to it, even if this process is gone by the callback.
        let attempt = ConnectAttempt(
            state: PKCE.base64URL(Self.randomBytes(32)), sessionKey: sessionKey, accountID: account.id.value,
            network: network.rawValue, actor: actor,
            verifier: provider.usesPKCE ? PKCE(randomBytes: Self.randomBytes(32)).verifier : nil,
            redirectURI: redirect, issuedAt: now, instance: instance,
            instanceClientID: provider.registersPerInstance ? app.clientID : nil,
            instanceClientSecret: provider.registersPerInstance ? app.clientSecret : nil)
        let hint = sandbox == nil ? nil : account.handle
        guard let url = AuthorizationRequest.url(provider: provider, clientID: app.clientID, attempt: attempt, loginHint: hint)
        else { return .failure(.unsupported("the authorization URL of \(network.displayName) does not parse")) }
        return .success((attempt, url))
    }

    /// Finishes `attempt` from the callback's query: refuses a denial, a missing code, a grant missing scopes or another
    /// identity than `account`'s handle; else returns the credentials to seal.
    public func finish(attempt: ConnectAttempt, callback: [String: String], account: Account, now: Date) async -> Result<
        ConnectedAccount, ConnectRefusal
    > {
        if let error = callback["error"] {
            return .failure(.denied(error: error, description: callback["error_description"]))
        }
        guard let code = callback["code"], !code.isEmpty else { return .failure(.codeMissing) }
        guard let network = account.network, let provider = provider(for: network) else {
            return .failure(.unsupported("glocal knows no sign-in flow for this account's network"))
        }
        let app: OAuthApp
        if let clientID = attempt.instanceClientID {
            app = OAuthApp(clientID: clientID, clientSecret: attempt.instanceClientSecret)
        } else {
            switch await self.app(for: provider, instance: attempt.instance, redirectURI: attempt.redirectURI) {
            case .success(let found): app = found
            case .failure(let refusal): return .failure(refusal)
            }
        }
        let exchange = OAuthTokenRequests(provider: provider, app: app, instance: attempt.instance, transport: transport)
        var grant: OAuthGrant
        switch await exchange.exchange(code: code, attempt: attempt) {
        case .success(let found): grant = found
        case .failure(let refusal): return .failure(refusal)
        }
        let missing = ScopeCheck.missing(required: provider.scopes, granted: grant.scope)
        guard missing.isEmpty else { return .failure(.scopesMissing(missing)) }
        if provider.longLivedGrant != nil {
            switch await exchange.longLived(grant) {
            case .success(let long): grant = long
            case .failure(let refusal): return .failure(refusal)
            }
        }
        let identity: OAuthIdentity
        switch await exchange.identity(token: grant.accessToken) {
        case .success(let found): identity = found
        case .failure(let refusal): return .failure(refusal)
        }
        // The sandbox's one instance stands for every account's own.
        let home = sandbox == nil ? attempt.instance : nil
        guard let chosen = identity.matching(account.handle, instance: home) else {
            return .failure(
                IdentityMatch.check(declared: account.handle, returned: identity.handles, instance: home)
                    ?? .wrongIdentity(expected: account.handle, got: identity.handles.first ?? "an unknown account"))
        }
        var credentials = AccountCredentials(
            accessToken: chosen.pageToken ?? grant.accessToken, refreshToken: grant.refreshToken,
            expiresAt: grant.expiresIn.map { now.addingTimeInterval(TimeInterval($0)) },
            remoteUserID: grant.userID ?? chosen.id, serverURL: attempt.instance, clientID: app.clientID,
            clientSecret: app.clientSecret)
        if network == .facebook {
            credentials.pageID = chosen.id
            credentials.remoteUserID = grant.userID
        }
        if network == .linkedin {
            // The organization glocal posts as: picked by vanity name (or id) among those the person administers.
            credentials.authorURN =
                chosen.handle.hasPrefix("urn:li:") ? chosen.handle : chosen.id.map { "urn:li:organization:\($0)" }
        }
        let scopes = grant.scope.map(ScopeCheck.parse) ?? provider.scopes
        return .success(ConnectedAccount(credentials: credentials, identity: chosen.handle, scopes: scopes))
    }

    /// The app to use: the sandbox's, the instance's (registered once), or the configured one.
    private func app(for provider: OAuthProvider, instance: URL?, redirectURI: String) async -> Result<OAuthApp, ConnectRefusal> {
        if provider.registersPerInstance, let instance {
            do {
                return .success(
                    try await mastodonApps.app(instance: instance, redirectURI: redirectURI, scopes: provider.scopes))
            } catch { return .failure(.exchangeFailed("registering glocal on \(instance.host ?? "the instance"): \(error)")) }
        }
        if sandbox != nil { return .success(.sandbox) }
        guard let app = apps[provider.network] else {
            let names = appVariables[provider.network] ?? OAuthApp.variables(for: provider.network)
            return .failure(.noAppCredentials(network: provider.network, variables: [names.id, names.secret]))
        }
        return .success(app)
    }

    /// An instance URL from accounts.yaml (`https://piaille.fr` or a bare host).
    static func instanceURL(_ text: String?) -> URL? {
        guard let text, !text.isEmpty else { return nil }
        return URL(string: text.contains("://") ? text : "https://\(text)")
    }

    /// `count` bytes from the system's secure generator.
    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}
