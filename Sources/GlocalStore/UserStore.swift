import Foundation
import GRDB
import GlocalCore
import HummingbirdBcrypt
import Synchronization

/// The users of the approval UI, their bcrypt password hashes and their login attempts, in the
/// variant store's SQLite file.
public struct UserStore: Sendable {
    let writer: any DatabaseWriter
    /// The bcrypt cost (work factor); tests lower it to stay fast.
    public let bcryptCost: UInt8
    /// When to refuse logins after failures.
    public let throttle: LoginThrottle

    /// The users of `store`, hashing with `bcryptCost` (default 12).
    public init(store: SQLiteVariantStore, bcryptCost: UInt8 = 12, throttle: LoginThrottle = LoginThrottle()) {
        self.writer = store.writer
        self.bcryptCost = bcryptCost
        self.throttle = throttle
    }

    /// Adds a user. The address is lowercased.
    public func add(email: String, role: UserRole, password: String, now: Date) throws -> User {
        let email = try Self.normalized(email)
        try Self.checkStrength(password)
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        return try writer.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM user WHERE email = ?", arguments: [email]) == true {
                throw UserStoreError.duplicateUser(email)
            }
            try db.execute(
                sql: "INSERT INTO user (email, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                arguments: [email, role.rawValue, hash, StoreTimestamp.string(from: now)])
            return User(email: email, role: role, createdAt: now)
        }
    }

    /// Every user, by e-mail address.
    public func users() throws -> [User] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT email, role, created_at FROM user ORDER BY email").compactMap(Self.user(from:))
        }
    }

    /// The user with `email`, if any.
    public func user(_ email: String) throws -> User? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT email, role, created_at FROM user WHERE email = ?", arguments: [email.lowercased()])
                .flatMap(Self.user(from:))
        }
    }

    /// Removes a user and their sessions.
    public func remove(_ email: String) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM user WHERE email = ?", arguments: [email.lowercased()])
            if db.changesCount == 0 { throw UserStoreError.userNotFound(email.lowercased()) }
        }
    }

    /// Replaces a user's password and ends their sessions.
    public func resetPassword(_ email: String, to password: String) throws {
        try Self.checkStrength(password)
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        try writer.write { db in
            try db.execute(sql: "UPDATE user SET password_hash = ? WHERE email = ?", arguments: [hash, email.lowercased()])
            if db.changesCount == 0 { throw UserStoreError.userNotFound(email.lowercased()) }
            try db.execute(sql: "DELETE FROM session WHERE email = ?", arguments: [email.lowercased()])
        }
    }

    /// Checks a login and records the attempt. An unknown address costs as much time as a wrong
    /// password, so timing does not tell which addresses exist.
    public func authenticate(email: String, password: String, now: Date) throws -> LoginOutcome {
        let email = email.lowercased().trimmingCharacters(in: .whitespaces)
        let since = StoreTimestamp.string(from: now.addingTimeInterval(-throttle.window))
        let (failures, stored) = try writer.read { db in
            let failures = try String.fetchAll(
                db, sql: "SELECT at FROM login_attempt WHERE email = ? AND at > ? AND succeeded = 0", arguments: [email, since]
            ).compactMap(StoreTimestamp.date(from:))
            let stored = try Row.fetchOne(db, sql: "SELECT * FROM user WHERE email = ?", arguments: [email])
            return (failures, stored)
        }
        if let until = throttle.blockedUntil(failures: failures, now: now) { return .throttled(until: until) }
        let hash: String = stored?["password_hash"] ?? Self.dummyHash(cost: bcryptCost)
        let valid = Bcrypt.verify(password, hash: hash) && stored != nil
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO login_attempt (email, at, succeeded) VALUES (?, ?, ?)",
                arguments: [email, StoreTimestamp.string(from: now), valid])
        }
        guard valid, let stored, let user = Self.user(from: stored) else { return .invalid }
        return .success(user)
    }

    /// A strong random password of 20 letters and digits, for `glocal user add` without one.
    public static func generatePassword() -> String { PasswordGenerator.generate() }

    static func normalized(_ email: String) throws -> String {
        let email = email.lowercased().trimmingCharacters(in: .whitespaces)
        // The same rule as managers in glocal.yaml (`manager.invalid`).
        guard EmailAddress.isValid(email) else { throw UserStoreError.invalidEmail(email) }
        return email
    }

    static func checkStrength(_ password: String) throws {
        if let problem = PasswordRule.problem(in: password) { throw problem }
    }

    /// A valid hash of a random password at `cost`, compared against when the user does not exist.
    private static func dummyHash(cost: UInt8) -> String {
        dummyHashes.withLock { cache in
            if let hash = cache[cost] { return hash }
            let hash = Bcrypt.hash(generatePassword(), cost: cost)
            cache[cost] = hash
            return hash
        }
    }

    private static let dummyHashes = Mutex<[UInt8: String]>([:])

    private static func user(from row: Row) -> User? {
        guard let role = UserRole(rawValue: row["role"]), let created = StoreTimestamp.date(from: row["created_at"]) else {
            return nil
        }
        return User(email: row["email"], role: role, createdAt: created)
    }
}
