import Foundation

/// A signed-in user's session, as the server sees it on each request.
public struct Session: Sendable, Equatable {
    /// Who is signed in.
    public var user: User
    /// The token every form of this session must carry (CSRF protection).
    public var csrfToken: String
    /// When the session ends.
    public var expiresAt: Date

    /// Creates a session.
    public init(user: User, csrfToken: String, expiresAt: Date) {
        self.user = user
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}
