import Foundation
import GlocalCore
import GlocalStore
import HummingbirdBcrypt
import PostgresNIO

/// The approval UI's users on PostgreSQL, as `UserStore` on SQLite: bcrypt hashes only, addresses
/// lowercased, logins counted against the throttle.
public struct PostgresUserDirectory: UserDirectory {
    let pool: PostgresConnectionPool
    /// The bcrypt cost of new hashes.
    public let bcryptCost: UInt8
    /// How many failed logins block an address, and for how long.
    public let throttle: LoginThrottle

    /// The users of `store`.
    public init(store: PostgresStore, bcryptCost: UInt8 = 12, throttle: LoginThrottle = LoginThrottle()) {
        pool = store.pool
        self.bcryptCost = bcryptCost
        self.throttle = throttle
    }

    /// Adds a user (the address lowercased); throws `UserStoreError` on a duplicate, weak password or bad address.
    public func add(email: String, role: UserRole, password: String, now: Date) throws -> User {
        let email = try Self.normalized(email)
        try Self.checkStrength(password)
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        return try pool.transaction { transaction in
            let inserted = try transaction.execute(
                """
                INSERT INTO app_user (email, role, password_hash, created_at) VALUES (\(email), \(role.rawValue), \(hash), \(now))
                ON CONFLICT (email) DO NOTHING
                """)
            if inserted == 0 { throw UserStoreError.duplicateUser(email) }
            return User(email: email, role: role, createdAt: now)
        }
    }

    /// Every user, by address.
    public func users() throws -> [User] {
        try pool.transaction { transaction in
            try transaction.rows("SELECT email, role, created_at FROM app_user ORDER BY email COLLATE \"C\"")
                .compactMap(Self.user(from:))
        }
    }

    /// The user with `email`, if any.
    public func user(_ email: String) throws -> User? {
        try pool.transaction { transaction in
            try transaction.rows("SELECT email, role, created_at FROM app_user WHERE email = \(email.lowercased())")
                .first.flatMap(Self.user(from:))
        }
    }

    /// Removes a user and their sessions.
    public func remove(_ email: String) throws {
        try pool.transaction { transaction in
            if try transaction.execute("DELETE FROM app_user WHERE email = \(email.lowercased())") == 0 {
                throw UserStoreError.userNotFound(email.lowercased())
            }
        }
    }

    /// Sets a new password and ends the user's sessions.
    public func resetPassword(_ email: String, to password: String) throws {
        try Self.checkStrength(password)
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        let email = email.lowercased()
        try pool.transaction { transaction in
            if try transaction.execute("UPDATE app_user SET password_hash = \(hash) WHERE email = \(email)") == 0 {
                throw UserStoreError.userNotFound(email)
            }
            try transaction.execute("DELETE FROM session WHERE email = \(email)")
        }
    }

    /// Checks a login, counting it against the throttle.
    public func authenticate(email: String, password: String, now: Date) throws -> LoginOutcome {
        let email = email.lowercased().trimmingCharacters(in: .whitespaces)
        let since = now.addingTimeInterval(-throttle.window)
        let (failures, stored) = try pool.transaction { transaction in
            let failures = try transaction.rows(
                "SELECT at FROM login_attempt WHERE email = \(email) AND at > \(since) AND NOT succeeded"
            ).map { try $0[0].decode(Date.self) }
            let stored = try transaction.rows(
                "SELECT email, role, created_at, password_hash FROM app_user WHERE email = \(email)"
            ).first
            return (failures, stored)
        }
        if let until = throttle.blockedUntil(failures: failures, now: now) { return .throttled(until: until) }
        let hash = try stored.map { try $0[3].decode(String.self) } ?? Bcrypt.hash(UUID().uuidString, cost: bcryptCost)
        let valid = Bcrypt.verify(password, hash: hash) && stored != nil
        try pool.transaction { transaction in
            _ = try transaction.execute("INSERT INTO login_attempt (email, at, succeeded) VALUES (\(email), \(now), \(valid))")
        }
        guard valid, let stored, let user = Self.user(from: stored) else { return .invalid }
        return .success(user)
    }

    private static func normalized(_ email: String) throws -> String {
        let email = email.lowercased().trimmingCharacters(in: .whitespaces)
        // The same rule as managers in glocal.yaml (`manager.invalid`).
        guard EmailAddress.isValid(email) else { throw UserStoreError.invalidEmail(email) }
        return email
    }

    private static func checkStrength(_ password: String) throws {
        if let problem = PasswordRule.problem(in: password) { throw problem }
    }

    private static func user(from row: PostgresRandomAccessRow) -> User? {
        guard let email = try? row[0].decode(String.self), let raw = try? row[1].decode(String.self),
            let role = UserRole(rawValue: raw), let created = try? row[2].decode(Date.self)
        else { return nil }
        return User(email: email, role: role, createdAt: created)
    }
}
