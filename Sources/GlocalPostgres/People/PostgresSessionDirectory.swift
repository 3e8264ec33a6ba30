import Crypto
import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

/// Signed-in sessions on PostgreSQL, as `SessionStore` on SQLite: only a SHA-256 of each token is kept.
public struct PostgresSessionDirectory: SessionDirectory {
    let pool: PostgresConnectionPool
    /// How long a session lasts.
    public let lifetime: TimeInterval

    /// The sessions of `store`.
    public init(store: PostgresStore, lifetime: TimeInterval = 8 * 3600) {
        pool = store.pool
        self.lifetime = lifetime
    }

    /// Opens a session for `email`; returns its token (shown once) and the session.
    public func open(for email: String, now: Date) throws -> (token: String, session: Session) {
        let token = SessionStore.randomToken()
        let csrf = SessionStore.randomToken()
        let expires = now.addingTimeInterval(lifetime)
        return try pool.transaction { transaction in
            guard let row = try transaction.rows("SELECT role, created_at FROM app_user WHERE email = \(email)").first,
                let role = UserRole(rawValue: try row[0].decode(String.self))
            else { throw UserStoreError.userNotFound(email) }
            let created = try row[1].decode(Date.self)
            try transaction.execute("DELETE FROM session WHERE email = \(email) AND expires_at <= \(now)")
            try transaction.execute(
                """
                INSERT INTO session (token_hash, email, csrf_token, created_at, expires_at)
                VALUES (\(Self.hash(token)), \(email), \(csrf), \(now), \(expires))
                """)
            return (token, Session(user: User(email: email, role: role, createdAt: created), csrfToken: csrf, expiresAt: expires))
        }
    }

    /// The live session of `token` at `now`, if any.
    public func session(token: String, now: Date) throws -> Session? {
        guard token.count == 43 else { return nil }
        return try pool.transaction { transaction in
            guard
                let row = try transaction.rows(
                    """
                    SELECT s.csrf_token, s.expires_at, u.email, u.role, u.created_at
                    FROM session s JOIN app_user u ON u.email = s.email
                    WHERE s.token_hash = \(Self.hash(token)) AND s.expires_at > \(now)
                    """
                ).first, let role = UserRole(rawValue: try row[3].decode(String.self))
            else { return nil }
            return Session(
                user: User(email: try row[2].decode(String.self), role: role, createdAt: try row[4].decode(Date.self)),
                csrfToken: try row[0].decode(String.self), expiresAt: try row[1].decode(Date.self))
        }
    }

    /// Ends the session of `token`.
    public func close(token: String) throws {
        try pool.transaction { _ = try $0.execute("DELETE FROM session WHERE token_hash = \(Self.hash(token))") }
    }

    private static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
