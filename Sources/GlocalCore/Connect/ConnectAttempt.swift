import Foundation

/// One connection started from the web UI or the command line, remembered until its callback: the `state` sent to the
/// network, the session it belongs to, the PKCE verifier, the exact redirect URI and the app a Mastodon instance
/// registered for it. Single use. The web UI keeps it in the store, sealed (a restarted server still finishes it).
/// Its descriptions name the account, network and redirect URI only: never the state, the verifier or the secret.
public struct ConnectAttempt: Sendable, Equatable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The random `state` (at least 128 bits, base64url).
    public var state: String
    /// A digest of the session that started it (the session id itself is not kept here).
    public var sessionKey: String
    /// The account being connected, as in accounts.yaml.
    public var accountID: String
    /// The account's network (raw value).
    public var network: String
    /// Who started it (a user's e-mail, `cli:$USER`).
    public var actor: String
    /// The PKCE verifier, when the flow uses PKCE.
    public var verifier: String?
    /// The redirect URI sent with the authorization request (the code exchange must repeat it exactly).
    public var redirectURI: String
    /// When it was started.
    public var issuedAt: Date
    /// The account's instance (Mastodon), if any.
    public var instance: URL?
    /// The client id of the app registered on `instance` for this attempt (the code is issued to that app).
    public var instanceClientID: String?
    /// That app's secret (sealed with the attempt; never shown).
    public var instanceClientSecret: String?

    /// Creates an attempt.
    public init(
        state: String, sessionKey: String, accountID: String, network: String, actor: String, verifier: String?,
        redirectURI: String, issuedAt: Date, instance: URL? = nil, instanceClientID: String? = nil,
        instanceClientSecret: String? = nil
    ) {
        self.state = state
        self.sessionKey = sessionKey
        self.accountID = accountID
        self.network = network
        self.actor = actor
        self.verifier = verifier
        self.redirectURI = redirectURI
        self.issuedAt = issuedAt
        self.instance = instance
        self.instanceClientID = instanceClientID
        self.instanceClientSecret = instanceClientSecret
    }

    /// The account, network, actor and redirect URI; the state, verifier and app secret are left out.
    public var description: String {
        "ConnectAttempt(\(network) account \(accountID) by \(actor), redirect \(redirectURI), "
            + "secret: \(instanceClientSecret == nil ? "none" : "<redacted>"))"
    }

    /// Same as ``description`` (string interpolation of an optional, `dump` and the debugger read this).
    public var debugDescription: String { description }

    /// The key an attempt is kept under in the store: a digest of its `state`, so the store never holds the state.
    public static func stateDigest(of state: String) -> String {
        PKCE.base64URL(SHA256Digest.digest(Array("glocal-connect-state:\(state)".utf8)))
    }

    /// The redirect URI of `network` under the public base URL: `<base>/connect/<network>/callback`.
    public static func redirectURI(base: URL, network: String) -> String {
        var root = base.absoluteString
        while root.hasSuffix("/") { root.removeLast() }
        return "\(root)/connect/\(network)/callback"
    }

    /// A digest of a session id, so attempts never hold the id itself.
    public static func sessionKey(of sessionID: String) -> String {
        PKCE.base64URL(SHA256Digest.digest(Array("glocal-connect:\(sessionID)".utf8)))
    }
}
