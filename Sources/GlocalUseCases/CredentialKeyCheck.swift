import Foundation
import GlocalStore

/// Whether a node's secret key opens the credentials sealed in its store. A node given another key than the one
/// that sealed them (another `GLOCAL_SECRET_KEY` or key file) could publish nothing: every job would bounce, a
/// minute apart, for ever. It is refused at start instead, in plain words.
public enum CredentialKeyCheck {
    /// The key opens none of the store's sealed credentials.
    public struct Mismatch: Error, Equatable, CustomStringConvertible {
        /// How many accounts have sealed credentials.
        public let sealed: Int

        /// A one-line explanation (no secret in it).
        public var description: String {
            "this node's secret key opens none of the credentials sealed in the store (\(sealed) account"
                + (sealed == 1 ? "" : "s") + "): give it the key that "
                + "sealed them (the same GLOCAL_SECRET_KEY or key file on every node and every command that connects "
                + "an account, docs/operations.md); nothing was published"
        }
    }

    /// Throws ``Mismatch`` when `vault` holds sealed credentials and `vault`'s key opens none of them; one that
    /// opens is enough (an account whose credentials alone do not open is held for a reconnect when it posts).
    public static func verify(_ vault: any CredentialVault) throws {
        let accounts = try vault.accounts()
        guard !accounts.isEmpty else { return }
        for account in accounts {
            do {
                _ = try vault.secret(account: account)
                return
            } catch AccountSecrets.Failure.cannotOpen {
                continue
            }
        }
        throw Mismatch(sealed: accounts.count)
    }
}
