import Crypto
import Foundation
import GRDB
import GlocalCore

/// Server-side sessions: a random token goes to the browser in a cookie; the store keeps only its
/// SHA-256, with the user, a CSRF token and an absolute expiry.
public struct SessionStore: Sendable {
    let writer: any DatabaseWriter
    /// How long a session lasts after login.
    public let lifetime: TimeInterval

    /// The sessions of `store`, lasting `lifetime` (default 8 hours).
    public init(store: SQLiteVariantStore, lifetime: TimeInterval = 8 * 3600) {
        self.writer = store.writer
        self.lifetime = lifetime
    }

    /// Opens a session for `email`; returns the token for the cookie (shown nowhere else).
    public func open(for email: String, now: Date) throws -> (token: String, session: Session) {
        let token = Self.randomToken()
        let csrf = Self.randomToken()
        let expires = now.addingTimeInterval(lifetime)
        return try writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT role, created_at FROM user WHERE email = ?", arguments: [email]),
                let role = UserRole(rawValue: row["role"]), let created = StoreTimestamp.date(from: row["created_at"])
            else { throw UserStoreError.userNotFound(email) }
            // Forget this user's expired sessions while here.
            try db.execute(
                sql: "DELETE FROM session WHERE email = ? AND expires_at <= ?",
                arguments: [email, StoreTimestamp.string(from: now)])
            try db.execute(
                sql: "INSERT INTO session (token_hash, email, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    Self.hash(token), email, csrf, StoreTimestamp.string(from: now), StoreTimestamp.string(from: expires),
                ])
            return (token, Session(user: User(email: email, role: role, createdAt: created), csrfToken: csrf, expiresAt: expires))
        }
    }

    /// The live session for `token` at `now`, or `nil` (unknown, expired, or its user removed).
    public func session(token: String, now: Date) throws -> Session? {
        guard token.count == 43 else { return nil }
        return try writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT s.csrf_token, s.expires_at, u.email, u.role, u.created_at
                        FROM session s JOIN user u ON u.email = s.email
                        WHERE s.token_hash = ? AND s.expires_at > ?
                        """, arguments: [Self.hash(token), StoreTimestamp.string(from: now)]),
                let role = UserRole(rawValue: row["role"]), let created = StoreTimestamp.date(from: row["created_at"]),
                let expires = StoreTimestamp.date(from: row["expires_at"])
            else { return nil }
            return Session(
                user: User(email: row["email"], role: role, createdAt: created), csrfToken: row["csrf_token"], expiresAt: expires)
        }
    }

    /// Ends the session for `token` (logout).
    public func close(token: String) throws {
        try writer.write { db in try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [Self.hash(token)]) }
    }

    /// 32 random bytes as unpadded base64url (43 characters); see `SessionToken.random`.
    public static func randomToken() -> String { SessionToken.random() }

    /// Whether two tokens are equal, in time independent of where they differ; see `SessionToken`.
    public static func constantTimeEquals(_ a: String, _ b: String) -> Bool { SessionToken.constantTimeEquals(a, b) }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
