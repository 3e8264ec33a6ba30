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
        var account: String
        var scopes: [String]
        var issuedAt: Date
    }

    private var codes: [String: Code] = [:]
    private var apps: [String: String] = ["glocal-sandbox": "sandbox-secret"]
    private var refreshTokens: Set<String> = []
    private var revoked: Set<String> = []
    private var serial = 0

    /// The next serial number (codes, tokens, apps).
    func next() -> Int {
        serial += 1
        return serial
    }

    /// Registers an app (Mastodon's `POST /api/v1/apps`) and returns its id and secret.
    func register() -> (id: String, secret: String) {
        let number = next()
        let app = ("app-\(number)", "app-secret-\(number)")
        apps[app.0] = app.1
        return app
    }

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

    /// A new token pair for `account`; the refresh token is remembered until used or revoked.
    func tokens(account: String) -> (access: String, refresh: String) {
        let number = next()
        let pair = ("\(account)~access-\(number)", "\(account)~refresh-\(number)")
        refreshTokens.insert(pair.1)
        return pair
    }

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
