import Foundation
import GlocalNetworks

/// One owner per account for token refreshes. `glocal run`'s ``TokenKeeper`` and the ``Dispatcher`` both refresh
/// through it: a refresh of an account waits for the one in flight, then reads the stored credentials again and uses
/// them when they are newer than the ones it came with, instead of spending a refresh token the other refresh already
/// rotated (X's refresh tokens serve once: a second refresh with the old one is refused and the account would
/// wrongly need a person to reconnect it). Across processes (several nodes on one store) the same holds through the
/// store's refresh lock (``CredentialSource/whileRefreshing(_:_:)``), which the refresh holds while it calls the
/// network and stores the answer.
public actor AccountRefreshGate {
    /// What a gated refresh ended with.
    public enum Outcome: Sendable, Equatable {
        /// Usable credentials: stored and read back, or the newer ones another refresh stored.
        case refreshed(AccountCredentials)
        /// The network gave new credentials but they could not be stored (the store's error).
        case notStored(String)
        /// A passing failure.
        case transient(String)
        /// The network refused the refresh.
        case reconnectRequired(String)
    }

    /// The gate the process's dispatchers and token keeper share unless given another.
    public static let shared = AccountRefreshGate()

    private var running: [String: Task<Outcome, Never>] = [:]
    private var waiting: [String: Int] = [:]

    /// Creates a gate with nothing in flight.
    public init() {}

    /// `accountID`'s credentials refreshed from `stale` through `client` and kept in `store`, unless another refresh
    /// of the account already stored newer ones (read from `store` after waiting for it; `store` must read through
    /// to what is stored, not a copy).
    public func refresh(
        _ stale: AccountCredentials, accountID: String, client: any NetworkClient, store: any CredentialSource
    ) async -> Outcome {
        while let inFlight = running[accountID] {
            waiting[accountID, default: 0] += 1
            _ = await inFlight.value
            waiting[accountID, default: 1] -= 1
        }
        if let current = try? await store.credentials(for: accountID), current.accessToken != stale.accessToken {
            return .refreshed(current)
        }
        let task = Task { () -> Outcome in
            let outcome = await Self.perform(stale, accountID: accountID, client: client, store: store)
            // Still on the actor: the slot is free before any waiter sees the outcome.
            self.running[accountID] = nil
            return outcome
        }
        running[accountID] = task
        return await task.value
    }

    /// How many refreshes of `accountID` wait for the one in flight.
    public func waiters(for accountID: String) -> Int { waiting[accountID] ?? 0 }

    /// The refresh itself, holding the account's refresh lock in the store (other processes on it wait there).
    private static func perform(
        _ stale: AccountCredentials, accountID: String, client: any NetworkClient, store: any CredentialSource
    ) async -> Outcome {
        do {
            return try await store.whileRefreshing(accountID) { current in
                // Another node refreshed while this one waited for the lock: the token it stored serves.
                if let current, current.accessToken != stale.accessToken { return .refreshed(current) }
                return await refresh(current ?? stale, accountID: accountID, client: client, store: store)
            }
        } catch {
            // The store could not be reached (lock or read): a passing failure, never a dead token.
            return .transient("the refresh of \(accountID) could not start: \(error)")
        }
    }

    private static func refresh(
        _ stale: AccountCredentials, accountID: String, client: any NetworkClient, store: any CredentialSource
    ) async -> Outcome {
        switch await client.refreshCredentials(stale) {
        case .refreshed(let fresh):
            do {
                try await store.store(fresh, for: accountID)
                // Read back: the store keeps the old refresh token when the network sent none.
                return .refreshed(try await store.credentials(for: accountID) ?? fresh)
            } catch {
                return .notStored("the refreshed token of \(accountID) could not be stored: \(error)")
            }
        case .transient(let why): return .transient(why)
        case .reconnectRequired(let why): return .reconnectRequired(why)
        }
    }
}
