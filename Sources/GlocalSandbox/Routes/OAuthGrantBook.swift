import Foundation
import GlocalCore

/// What the sandbox's authorization servers remember: the apps registered on its Mastodon, the codes handed out
/// (single use, expiring on the sandbox's clock), the tokens issued and revoked, the handles resolved to DIDs.
actor OAuthGrantBook {
    /// One code waiting for its exchange.
    struct Code {
        var network: String
        var clientID: String
        var redirectURI: String
        var challenge: String?
        /// `code_challenge_method`: `S256`, or `plain` (the verifier is the challenge itself), which X's docs allow.
        var challengeMethod: String = "S256"
        var account: String
        var scopes: [String]
        var issuedAt: Date
    }

    private var codes: [String: Code] = [:]
    private var apps: [String: String] = ["glocal-sandbox": "sandbox-secret"]
    private var registrations: [String: Registration] = [:]
    private var clientOfToken: [String: String] = [:]
    private var refreshTokens: Set<String> = []
    private var grantsOfRefresh: [String: RefreshGrant] = [:]
    private var revoked: Set<String> = []
    private var serial = 0

    /// The next serial number (codes, tokens, apps).
    func next() -> Int {
        serial += 1
        return serial
    }

    /// What an app declared when it was registered (Mastodon's `POST /api/v1/apps`).
    struct Registration: Equatable {
        /// The redirect URIs an authorization request may name.
        var redirectURIs: [String]
        /// The scopes an authorization request may ask for.
        var scopes: [String]
    }

    /// Registers an app (Mastodon's `POST /api/v1/apps`) with what it declared, and returns its id and secret.
    func register(_ registration: Registration) -> (id: String, secret: String) {
        let number = next()
        let app = ("app-\(number)", "app-secret-\(number)")
        apps[app.0] = app.1
        registrations[app.0] = registration
        return app
    }

    /// What `clientID` declared at its registration; `nil` for the sandbox's own app, registered with no list.
    func registration(of clientID: String) -> Registration? { registrations[clientID] }

    /// Whether `clientID` is a known app, and `secret` (when given) its secret.
    func knows(clientID: String, secret: String?) -> Bool {
        guard let known = apps[clientID] else { return false }
        return secret.map { $0 == known } ?? true
    }

    /// Hands out a code for `grant`.
    func issue(_ grant: Code) -> String {
        let code = "code-\(next())-\(UUID().uuidString.prefix(8))"
        codes[code] = grant
        return code
    }

    /// Takes a code: it serves once.
    func take(code: String) -> Code? { codes.removeValue(forKey: code) }

    /// A code waiting for its exchange, left in place (whose it is, before the exchange takes it).
    func peek(code: String) -> Code? { codes[code] }

    /// Why a code exchange is refused (RFC 6749 section 4.1.3's checks, and PKCE's).
    enum Refusal: Error, Equatable {
        /// Unknown, used already, or another network's.
        case unknownCode
        /// Older than its lifetime.
        case expired
        /// Issued to another client.
        case otherClient
        /// Not the `redirect_uri` of the authorization request.
        case otherRedirect
        /// No `code_verifier`, or one whose S256 is not the `code_challenge`.
        case wrongVerifier
    }

    /// Takes `code` (it serves once, even when refused) for an exchange by `clientID` at `network`'s token endpoint at
    /// `now`, and checks it: issued for that network and client within `lifetime`, the same `redirectURI`, and the
    /// PKCE verifier when the authorization request had a challenge.
    func redeem(
        code: String?, network: String, clientID: String?, redirectURI: String?, verifier: String?, now: Date,
        lifetime: TimeInterval
    ) -> Result<Code, Refusal> {
        guard let code, let grant = take(code: code), grant.network == network else { return .failure(.unknownCode) }
        guard now.timeIntervalSince(grant.issuedAt) <= lifetime else { return .failure(.expired) }
        guard grant.clientID == clientID else { return .failure(.otherClient) }
        guard redirectURI == grant.redirectURI else { return .failure(.otherRedirect) }
        if let challenge = grant.challenge {
            let derived = grant.challengeMethod == "plain" ? verifier : verifier.map(PKCE.challenge(of:))
            guard derived == challenge else { return .failure(.wrongVerifier) }
        }
        return .success(grant)
    }

    /// The client a refresh token was issued to, and the scopes granted with it (RFC 6749 section 6: a refresh is
    /// bound to its client, and its scopes are those of the original grant).
    struct RefreshGrant: Equatable {
        var clientID: String
        var scopes: [String]
    }

    /// A new token pair for `account`; the refresh token is remembered until used or revoked, with the client and
    /// scopes of its grant when known.
    func tokens(account: String, grant: RefreshGrant? = nil) -> (access: String, refresh: String) {
        let number = next()
        let pair = ("\(account)~access-\(number)", "\(account)~refresh-\(number)")
        refreshTokens.insert(pair.1)
        if let grant {
            grantsOfRefresh[pair.1] = grant
            clientOfToken[pair.0] = grant.clientID
            clientOfToken[pair.1] = grant.clientID
        }
        return pair
    }

    /// The client a token (access or refresh) was issued to, when it was issued by a code exchange or a refresh.
    func client(ofToken token: String) -> String? { clientOfToken[token] }

    /// The client and scopes a refresh token was issued with; `nil` for a token issued without them (or never
    /// issued: a `name~…` token of a workspace's own credentials).
    func grant(ofRefresh token: String) -> RefreshGrant? { grantsOfRefresh[token] }

    /// Uses a refresh token (rotated: it serves once), `false` when unknown or revoked.
    func useRefresh(_ token: String) -> Bool { refreshTokens.remove(token) != nil && !revoked.contains(token) }

    /// Revokes a token (access or refresh).
    func revoke(_ token: String) {
        revoked.insert(token)
        refreshTokens.remove(token)
    }

    /// Whether the token was revoked.
    func isRevoked(_ token: String) -> Bool { revoked.contains(token) }
}
