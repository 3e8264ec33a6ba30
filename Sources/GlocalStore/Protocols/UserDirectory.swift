import Foundation
import GlocalCore

/// The users of the approval UI and their passwords (hashed; never kept or returned in clear).
public protocol UserDirectory: Sendable {
    /// Adds a user (the address lowercased). Throws `UserStoreError` on a duplicate, weak password or bad address.
    func add(email: String, role: UserRole, password: String, now: Date) throws -> User
    /// Every user.
    func users() throws -> [User]
    /// The user with `email`, if any.
    func user(_ email: String) throws -> User?
    /// Removes a user and their sessions.
    func remove(_ email: String) throws
    /// Sets a new password.
    func resetPassword(_ email: String, to password: String) throws
    /// Checks a login, counting it against the throttle.
    func authenticate(email: String, password: String, now: Date) throws -> LoginOutcome
}
