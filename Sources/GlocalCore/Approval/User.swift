import Foundation

/// A user of the approval UI (never with their password hash).
public struct User: Sendable, Equatable {
    /// The e-mail address, lowercased: the login name and the audit log's actor.
    public var email: String
    /// What the user may do.
    public var role: UserRole
    /// When the user was added.
    public var createdAt: Date

    /// Creates a user.
    public init(email: String, role: UserRole, createdAt: Date) {
        self.email = email
        self.role = role
        self.createdAt = createdAt
    }
}
