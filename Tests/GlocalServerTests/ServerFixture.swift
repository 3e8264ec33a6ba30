import Foundation
import GlocalCore
import GlocalServer
import GlocalStore
import GlocalYAML
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// The example workspace (this repository's root), a fresh in-memory store with a few variants,
/// users for each role, and a clock the test moves.
struct ServerFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let workspace: Workspace = WorkspaceLoader(root: root).load().workspace!
    static let password = "a long enough password"
    static let start = try! Date("2026-11-21T09:00:00Z", strategy: .iso8601)

    static let admin = "admin@lumiere.example"
    static let france = "claire.martin@lumiere.example"
    static let uk = "olivia.hughes@lumiere.example"
    static let viewer = "viewer@lumiere.example"

    let store: SQLiteVariantStore
    let clock = TestClock(ServerFixture.start)
    let environment: ServerEnvironment

    init(variants: [StoredVariant] = ServerFixture.defaultVariants, workspace: Workspace = ServerFixture.workspace) throws {
        store = try SQLiteVariantStore.inMemory()
        try store.apply(
            Plan(
                changes: variants.map {
                    PlanChange(action: .create, id: $0.id, desired: $0, stored: nil, contentChanged: true, timeChanged: true)
                }), actor: "test", now: Self.start)
        let users = UserStore(store: store, bcryptCost: 4)
        for (email, role) in [(Self.admin, UserRole.admin), (Self.france, .manager), (Self.uk, .manager), (Self.viewer, .viewer)]
        {
            _ = try users.add(email: email, role: role, password: Self.password, now: Self.start)
        }
        let clock = self.clock
        environment = ServerEnvironment(
            workspace: workspace, workspaceRoot: Self.root, store: store, users: users, sessions: SessionStore(store: store),
            media: FileMediaInspector(root: Self.root), now: { clock.now })
    }

    /// A pending variant of `hydra-launch` for `account`, slot on 1 December 2026 08:00 UTC.
    static func variant(
        post: String = "launch", account: String, network: Network, text: String = "Votre peau a soif ? Découvrez Hydra.",
        slot: String = "2026-12-01T08:00:00Z"
    ) -> StoredVariant {
        StoredVariant(
            id: "hydra-launch/\(post)/\(account)", campaignID: "hydra-launch", postID: post, accountID: account, network: network,
            locale: "fr-FR", kind: .promotional, text: text, title: nil, link: "https://lumiere.example/fr-FR/hydra",
            linkPlacement: network == .x ? .reply : .firstComment, media: [], contentHash: "hash:\(account):\(post)",
            scheduledAt: try! Date(slot, strategy: .iso8601), localTime: "2026-12-01 09:00", timeZone: "Europe/Paris",
            live: false,
            state: .pendingApproval, explanation: [])
    }

    static let frX = variant(account: "lumiere-fr-x", network: .x)
    static let frFacebook = variant(account: "lumiere-fr-facebook", network: .facebook)
    static let ukX = variant(account: "lumiere-uk-x", network: .x, text: "Thirsty skin? Meet Hydra.")
    static let defaultVariants = [frX, frFacebook, ukX]

    /// Runs `body` with a client of the in-process router.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: ApprovalServer.router(environment))
        try await app.test(.router, body)
    }
}

/// A clock the test sets.
final class TestClock: Sendable {
    private let instant: Mutex<Date>
    init(_ start: Date) { instant = Mutex(start) }
    var now: Date { instant.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { instant.withLock { $0 += seconds } }
}
