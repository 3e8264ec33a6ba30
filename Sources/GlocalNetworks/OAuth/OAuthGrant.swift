import Foundation

/// What a token endpoint answered to a code exchange: the tokens, their lifetime and the scopes granted.
public struct OAuthGrant: Sendable, Equatable, CustomStringConvertible {
    /// The access token.
    public var accessToken: String
    /// The refresh token, if any.
    public var refreshToken: String?
    /// Seconds until the access token expires, if said.
    public var expiresIn: Int?
    /// The scopes granted as the network wrote them (`nil`: not said, meaning those asked for).
    public var scope: String?
    /// The network's user id when the token answer carries it (Instagram, Threads, TikTok `open_id`).
    public var userID: String?

    /// Creates a grant.
    public init(
        accessToken: String, refreshToken: String? = nil, expiresIn: Int? = nil, scope: String? = nil, userID: String? = nil
    ) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresIn = expiresIn
        self.scope = scope
        self.userID = userID
    }

    /// No token in it.
    public var description: String { "OAuthGrant(expiresIn: \(expiresIn.map(String.init) ?? "?"), scope: \(scope ?? "?"))" }

    /// Reads a token answer (`access_token`, `refresh_token`, `expires_in`, `scope`; TikTok's `open_id`, Meta's `user_id`).
    static func read(_ body: Data) -> OAuthGrant? {
        var json = JSON(data: body)
        if json["access_token"].string == nil, json["data"]["access_token"].string != nil { json = json["data"] }
        guard let token = json["access_token"].string, !token.isEmpty else { return nil }
        let scope = json["scope"].string ?? json["scope"].array.compactMap(\.string).joined(separator: " ").nilIfEmpty
        let user = json["user_id"].string ?? json["user_id"].int.map(String.init) ?? json["open_id"].string
        return OAuthGrant(
            accessToken: token, refreshToken: json["refresh_token"].string, expiresIn: json["expires_in"].int, scope: scope,
            userID: user)
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
