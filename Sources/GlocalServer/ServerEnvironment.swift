import Foundation
import GlocalCore
import GlocalStore
import GlocalUseCases

/// What every route needs: the workspace loaded at start, the store, users and sessions, the
/// clock, and how to set cookies. Built once by `glocal serve` (or a test).
public struct ServerEnvironment: Sendable {
    /// The workspace (teams, accounts, campaigns, policies).
    public let workspace: Workspace
    /// The workspace's directory, for media files.
    public let workspaceRoot: URL
    /// The variant store.
    public let store: any WorkspaceStore
    /// Users and logins.
    public let users: any UserDirectory
    /// Sessions.
    public let sessions: any SessionDirectory
    /// Media facts for re-validating edits.
    public let media: any MediaInspector
    /// The current instant (injected so tests control time).
    public let now: @Sendable () -> Date
    /// Who may do what to which variant: the approval use case the command line calls too.
    public let approvals: VariantApprovals
    /// Whether cookies carry `Secure` (true unless serving plain HTTP to a non-local host in a test).
    public let secureCookies: Bool
    /// The address people and networks reach glocal at (the configuration's `public_url`: OAuth redirect URIs
    /// `<publicURL>/connect/<network>/callback`, media URLs, links in mails); `nil`: the address the browser used.
    public var publicURL: URL?
    /// Checks the signed media URLs given to networks (`/media/PATH?expires=…&sig=…`), which are served without a
    /// session; `nil`: media only for signed-in users.
    public var mediaSigner: MediaURLSigner?

    let accountsByID: [String: Account]
    /// The images `/media/` may serve.
    let servedMedia: ServedMedia

    /// Creates an environment.
    public init(
        workspace: Workspace, workspaceRoot: URL, store: any WorkspaceStore, users: any UserDirectory,
        sessions: any SessionDirectory,
        media: any MediaInspector, secureCookies: Bool = true, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.workspace = workspace
        self.workspaceRoot = workspaceRoot
        self.store = store
        self.users = users
        self.sessions = sessions
        self.media = media
        self.secureCookies = secureCookies
        self.now = now
        servedMedia = ServedMedia(workspace: workspace, root: workspaceRoot)
        accountsByID = Dictionary(workspace.accounts.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        approvals = VariantApprovals(workspace: workspace, store: store)
    }

    /// The approval policy of `campaignID`.
    public func policy(of campaignID: String) -> ApprovalPolicy { approvals.policy(of: campaignID) }

    /// The network of the account a variant id (`campaign/post/account`) names, if the workspace has that account.
    func network(ofVariant id: String) -> Network? {
        id.split(separator: "/").last.flatMap { accountsByID[String($0)]?.network }
    }

    /// What `user` may see and do.
    public func scope(of user: User) -> ApprovalScope { approvals.scope(of: user) }
}
