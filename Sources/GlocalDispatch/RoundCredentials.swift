import Foundation
import GlocalNetworks

/// The credentials a dispatcher round has read, kept for the rest of the round.
///
/// Unsealing an account's credentials (a read, AES-GCM, JSON) for every post was a tenth of the
/// dispatcher's work on a backlog. Within a round they are read once per account; what this round
/// refreshes is written through and read again, and an account whose attempt did not publish is
/// forgotten, so a token refused, held and then reconnected (`glocal account connect`) is read anew.
/// The next round starts empty.
final class RoundCredentials: CredentialSource, @unchecked Sendable {
    private let base: any CredentialSource
    private let lock = NSLock()
    private var known: [String: AccountCredentials] = [:]

    init(_ base: any CredentialSource) { self.base = base }

    func credentials(for accountID: String) async throws -> AccountCredentials? {
        if let cached = lock.withLock({ known[accountID] }) { return cached }
        guard let read = try await base.credentials(for: accountID) else { return nil }
        lock.withLock { known[accountID] = read }
        return read
    }

    func store(_ credentials: AccountCredentials, for accountID: String) async throws {
        forget(accountID)
        try await base.store(credentials, for: accountID)
    }

    func whileRefreshing<T>(_ accountID: String, _ body: (AccountCredentials?) async throws -> T) async throws -> T {
        forget(accountID)
        return try await base.whileRefreshing(accountID, body)
    }

    /// Reads `accountID`'s credentials from the store again next time.
    func forget(_ accountID: String) {
        _ = lock.withLock { known.removeValue(forKey: accountID) }
    }
}
