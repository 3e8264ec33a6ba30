import Foundation
import GlocalCore
import GlocalStore
import GlocalYAML

/// What the approval commands (`pending`, `approve`, `reject`, `audit`, `user`) share: the
/// workspace (teams and policies), the store, and who acts.
struct ApprovalContext {
    let workspace: Workspace
    let root: URL
    let store: SQLiteVariantStore
    let databasePath: String

    /// Loads the workspace (without validating it: teams and policies are enough) and opens the store.
    /// With `requiresStore`, a missing store is a usage error rather than an empty new file.
    init(options: WorkspaceOptions, requiresStore: Bool = true) throws {
        root = try options.root(currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        databasePath = options.databasePath(root: root)
        let loaded = WorkspaceLoader(root: root).load()
        guard let workspace = loaded.workspace else {
            throw CommandFailure(message: "cannot read the workspace at \(root.path); run glocal validate")
        }
        self.workspace = workspace
        if requiresStore, !FileManager.default.fileExists(atPath: databasePath) {
            throw CommandFailure(message: "no store at \(databasePath); run glocal apply first")
        }
        do {
            store = try SQLiteVariantStore(path: databasePath)
        } catch {
            throw CommandFailure(message: "cannot open the store \(databasePath): \(PlanPipeline.describe(error))")
        }
    }

    /// The scope and audit actor: the user named by `--as` (their role and teams apply), or the
    /// operator, who owns the store file and so acts on every account, as `cli:$USER`.
    func actor(named email: String?) throws -> (name: String, scope: ApprovalScope) {
        guard let email else {
            let name = "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? "operator")
            return (name, ApprovalScope(email: name, role: .admin, teams: []))
        }
        guard let user = try UserStore(store: store).user(email) else {
            throw CommandFailure(message: "no user '\(email)' (glocal user list)")
        }
        return (user.email, ApprovalScope(email: user.email, role: user.role, teams: workspace.settings.teams))
    }

    /// The approval policy of `campaign`.
    func policy(of campaign: String) -> ApprovalPolicy { ApprovalPolicy(campaignID: campaign, in: workspace) }

    /// The store permit for `scope` at `now`.
    func permit(for scope: ApprovalScope, checkDeadline: Bool, now: Date) -> SQLiteVariantStore.Permit {
        SQLiteVariantStore.permit(for: scope, policy: policy(of:), checkDeadline: checkDeadline, now: now)
    }
}
