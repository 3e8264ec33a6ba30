import Foundation

extension AccountCredentials {
    /// These credentials with a new access token; an absent or empty new refresh token keeps the stored one.
    func refreshed(accessToken: String, refreshToken: String?, expiresIn: Int?, now: Date) -> AccountCredentials {
        var copy = self
        copy.accessToken = accessToken
        if let refreshToken, !refreshToken.isEmpty { copy.refreshToken = refreshToken }
        copy.expiresAt = expiresIn.map { now.addingTimeInterval(TimeInterval($0)) }
        return copy
    }
}
