import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalStore

/// Connecting, pausing and resuming accounts as the operator (`glocal account`): the workspace's accounts,
/// the store and the sealed credentials.
public struct AccountControls: Sendable {
    /// The accounts accounts.yaml declares.
    public let accountIDs: [String]
    /// The store holding the holds and the audit log.
    public let store: any WorkspaceStore
    /// The sealed credentials.
    public let secrets: any CredentialVault
    /// Who acts, for the audit log: the operator, as `cli:$USER` (like `glocal approve` without `--as`).
    public let actor: String

    /// The controls of `access`'s workspace; a missing store is created.
    public init(access: WorkspaceAccess) throws {
        accountIDs = try access.loadWorkspace().accounts.map(\.id.value)
        store = try access.openStore(.createdIfMissing)
        secrets = try access.secrets(in: store)
        actor = VariantApprovals.operatorActor(environment: access.environment).name
    }

    /// `id` if the workspace declares it; otherwise `UseCaseError.unknownAccount` with the closest id.
    public func known(_ id: String) throws -> String {
        guard accountIDs.contains(id) else {
            throw UseCaseError.unknownAccount(id, suggestion: Suggestion.closest(to: id, in: accountIDs))
        }
        return id
    }

    /// Seals `credentials` for `account`, lifts a reconnect hold and audits it, in one transaction.
    public func connect(_ account: String, credentials: AccountCredentials, now: Date) throws -> CredentialConnection {
        try secrets.connect(try credentials.encoded(), account: try known(account), actor: actor, now: now)
    }

    /// Pauses or resumes `account` (slots that pass while paused become missed); `false` when it already was, and
    /// nothing was written.
    @discardableResult
    public func setPaused(_ paused: Bool, account: String, now: Date) throws -> Bool {
        try store.publishQueue.setPaused(paused, account: try known(account), actor: actor, now: now)
    }

    /// Pauses every account for `reason` (the crisis switch), or lifts that pause.
    public func setGlobalPause(_ paused: Bool, reason: String?, now: Date) throws {
        try store.publishQueue.setGlobalPause(paused, reason: reason, actor: actor, now: now)
    }
}
