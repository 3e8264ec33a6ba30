import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

extension PostgresCredentialVault {
    /// How long a kept attempt stays after it was started: long past its ten minutes, so a late callback is told it
    /// expired rather than that it is unknown.
    static let connectAttemptRetention: TimeInterval = 86_400

    /// Keeps `attempt` until its callback, sealed with the store's key under a digest of its state (the state, the
    /// PKCE verifier and an instance app's secret are only in the seal); forgets attempts a day old.
    public func keepConnectAttempt(_ attempt: ConnectAttempt, now: Date) throws {
        let digest = ConnectAttempt.stateDigest(of: attempt.state)
        let sealed = try key.seal(try JSONEncoder().encode(attempt), context: "connect-attempt:\(digest)")
        let oldest = now.addingTimeInterval(-Self.connectAttemptRetention)
        try pool.transaction { transaction in
            try transaction.execute("DELETE FROM connect_attempt WHERE issued_at < \(oldest)")
            try transaction.execute(
                """
                INSERT INTO connect_attempt (state_digest, session_key, account_id, network, issued_at, sealed)
                VALUES (\(digest), \(attempt.sessionKey), \(attempt.accountID), \(attempt.network), \(attempt.issuedAt),
                    \(sealed))
                """)
        }
    }

    /// Takes the attempt `state` names (deleted as it is read: a state serves once), or `nil`.
    public func takeConnectAttempt(state: String) throws -> ConnectAttempt? {
        let digest = ConnectAttempt.stateDigest(of: state)
        let sealed = try pool.transaction { transaction in
            try transaction.value("DELETE FROM connect_attempt WHERE state_digest = \(digest) RETURNING sealed", as: Data.self)
        }
        guard let sealed, let opened = try? key.open(sealed, context: "connect-attempt:\(digest)") else { return nil }
        return try JSONDecoder().decode(ConnectAttempt.self, from: opened)
    }
}
