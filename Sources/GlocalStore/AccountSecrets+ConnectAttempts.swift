import Foundation
import GRDB
import GlocalCore

extension AccountSecrets {
    /// How long a kept attempt stays after it was started: long past its ten minutes, so a late callback is told it
    /// expired rather than that it is unknown.
    static let connectAttemptRetention: TimeInterval = 86_400

    /// Keeps `attempt` until its callback, sealed with the store's key under a digest of its state (the state, the
    /// PKCE verifier and an instance app's secret are only in the seal); forgets attempts a day old.
    public func keepConnectAttempt(_ attempt: ConnectAttempt, now: Date) throws {
        let digest = ConnectAttempt.stateDigest(of: attempt.state)
        let sealed = try key.seal(try JSONEncoder().encode(attempt), context: "connect-attempt:\(digest)")
        try writer.write { db in
            try db.execute(
                sql: "DELETE FROM connect_attempt WHERE issued_at < ?",
                arguments: [StoreTimestamp.string(from: now.addingTimeInterval(-Self.connectAttemptRetention))])
            try db.execute(
                sql: """
                    INSERT INTO connect_attempt (state_digest, session_key, account_id, network, issued_at, sealed)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    digest, attempt.sessionKey, attempt.accountID, attempt.network,
                    StoreTimestamp.string(from: attempt.issuedAt), sealed,
                ])
        }
    }

    /// Takes the attempt `state` names (deleted in the same transaction: a state serves once), or `nil`.
    public func takeConnectAttempt(state: String) throws -> ConnectAttempt? {
        let digest = ConnectAttempt.stateDigest(of: state)
        let sealed = try writer.write { db -> Data? in
            let sealed = try Data.fetchOne(
                db, sql: "SELECT sealed FROM connect_attempt WHERE state_digest = ?", arguments: [digest])
            try db.execute(sql: "DELETE FROM connect_attempt WHERE state_digest = ?", arguments: [digest])
            return sealed
        }
        guard let sealed else { return nil }
        return try Self.openAttempt(sealed, digest: digest, key: key)
    }

    /// Opens a kept attempt; one that does not open (another key) reads as none.
    static func openAttempt(_ sealed: Data, digest: String, key: SecretKey) throws -> ConnectAttempt? {
        guard let opened = try? key.open(sealed, context: "connect-attempt:\(digest)") else { return nil }
        return try JSONDecoder().decode(ConnectAttempt.self, from: opened)
    }
}
