import Foundation
import GlocalStore

/// Whether a node's secret key opens the credentials sealed in its store. A node given another key than the one
/// that sealed them (another `GLOCAL_SECRET_KEY` or key file) could publish nothing: every job would bounce, a
/// minute apart, for ever. It is refused at start instead, in plain words.
public enum CredentialKeyCheck {
    /// Throws ``UseCaseError/secretKeyOpensNone(sealed:)`` when `vault` holds sealed credentials and its key opens
    /// none of them; one that opens is enough (an account whose credentials alone do not open is held for a
    /// reconnect when it posts).
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
        throw UseCaseError.secretKeyOpensNone(sealed: accounts.count)
    }
}
