import Foundation

/// Signed-in sessions of the approval UI: only a hash of each token is kept.
public protocol SessionDirectory: Sendable {
    /// How long a session lasts after it opens, in seconds (the cookie's max-age).
    var lifetime: TimeInterval { get }
    /// Opens a session for `email`; returns its token (shown once) and the session.
    func open(for email: String, now: Date) throws -> (token: String, session: Session)
    /// The live session of `token` at `now`, if any.
    func session(token: String, now: Date) throws -> Session?
    /// Ends the session of `token`.
    func close(token: String) throws
}
