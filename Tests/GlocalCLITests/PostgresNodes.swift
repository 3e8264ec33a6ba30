import Foundation
import GlocalCore
import GlocalPostgres
import GlocalStore
import GlocalTestSupport
import Testing

/// Several `glocal dispatch` nodes (processes) on one PostgreSQL store, for the multi-node tests: the
/// store in a schema of its own, the accounts' credentials sealed with a key every node is given.
final class PostgresNodes: @unchecked Sendable {
    let harness: DispatchHarness
    let location: PostgresLocation
    let store: PostgresStore
    let url: String
    /// The key every node opens the credentials with (`GLOCAL_SECRET_KEY`).
    static let key = Data(repeating: 7, count: 32)

    /// A store at `serverURL` (a new schema) for `harness`'s workspace.
    init(harness: DispatchHarness, serverURL: String) throws {
        self.harness = harness
        let schema = "nodes_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        location = try PostgresLocation(url: serverURL).inSchema(schema)
        url = serverURL + (serverURL.contains("?") ? "&" : "?") + "schema=\(schema)"
        store = try PostgresStore(location: location, poolSize: 2)
    }

    /// Stores `perAccount` approved variants for each account of the harness, due at `slot`.
    func approveVariants(perAccount: Int, slot: Date) throws -> [StoredVariant] {
        let variants = variants(perAccount: perAccount, slot: slot)
        try approve(variants, slot: slot)
        return variants
    }

    /// `perAccount` approved variants for each account of the harness, due at `slot`, not stored yet; in release
    /// order: post 0 of every account, then post 1 of every account…, so that any run of them spans the accounts.
    func variants(perAccount: Int, slot: Date) -> [StoredVariant] {
        (0..<perAccount).flatMap { index in
            harness.accounts.map { account in
                StoredVariant(
                    id: "nodes/post-\(index)/\(account.id)", campaignID: "nodes", postID: "post-\(index)", accountID: account.id,
                    network: account.network, locale: "en", kind: .informative,
                    text: "Nodes test n°\(index) from \(account.id) 🌊", title: nil, link: nil, linkPlacement: .none,
                    media: [], contentHash: "hash-\(index)-\(account.id)", scheduledAt: slot, localTime: nil, timeZone: "UTC",
                    live: false, state: .approved, explanation: [])
            }
        }
    }

    /// Stores `variants` (approved, due at `slot`): the nodes' next sync queues them.
    func approve(_ variants: some Collection<StoredVariant>, slot: Date) throws {
        guard !variants.isEmpty else { return }
        let plan = Plan(
            changes: variants.map {
                PlanChange(action: .create, id: $0.id, desired: $0, stored: nil, contentChanged: true, timeChanged: true)
            })
        try store.apply(plan, actor: "test", now: slot.addingTimeInterval(-3_600))
    }

    /// Seals every account's credentials as `glocal account connect` does.
    func connectAccounts() throws {
        let vault = PostgresCredentialVault(store: store, key: try SecretKey(bytes: Self.key))
        for account in harness.accounts {
            _ = try vault.connect(Data(account.credentials.utf8), account: account.id, actor: "test", now: Date())
        }
    }

    /// Starts node `name`: `glocal dispatch --database URL --node-id name` against the sandbox.
    func start(_ name: String, _ extra: [String], log: FileHandle) throws -> ChildProcess {
        var environment = ProcessInfo.processInfo.environment
        environment["GLOCAL_SECRET_KEY"] = Self.key.base64EncodedString()
        return try GlocalProcess.start(
            ["dispatch", "--database", url, "--node-id", name, "--sandbox", harness.sandboxURL!.absoluteString] + extra,
            in: harness.root, environment: environment, output: .descriptor(log.fileDescriptor), error: .sameAsOutput)
    }

    /// Jobs completed so far.
    func completed() throws -> Int { try store.publishQueue.countsByState()[.completed] ?? 0 }

    /// The nodes holding the lease of a running job now.
    func leaseHolders() throws -> Set<String> {
        try store.pool.transaction { transaction in
            Set(
                try transaction.rows(
                    "SELECT DISTINCT locked_by FROM publish_job WHERE state = 'running' AND locked_by IS NOT NULL"
                )
                .map { try $0[0].decode(String.self) })
        }
    }

    /// Whether no job is waiting or running any more.
    func allOver() throws -> Bool {
        try store.publishQueue.countsByState().filter { $0.key.isActive }.values.reduce(0, +) == 0
    }

    /// The nodes named in the dispatcher's audit events, read through the store's audit trail.
    func auditedNodes() throws -> Set<String> { Set(try store.auditEvents(variant: nil).compactMap(\.node)) }

    /// Checks that every variant went out exactly once: published with its own receipt, one post each in the sandbox.
    func expectEachPublishedOnce(_ variants: [StoredVariant], log: String) async throws {
        let counts = try store.publishQueue.countsByState()
        #expect(counts == [.completed: variants.count], "\(counts)\n\(log.suffix(3_000))")
        var receipts = Set<String>()
        for variant in variants {
            #expect(try store.variant(variant.id)?.state == .published, "\(variant.id)")
            if let receipt = try store.publishQueue.publication(of: variant.id) { receipts.insert(receipt.remoteID) }
        }
        #expect(receipts.count == variants.count, "receipts missing or shared")
        let posts = try await harness.sandboxPosts().filter { $0["kind"] as? String == "post" }
        let perText = Dictionary(posts.compactMap { $0["text"] as? String }.map { ($0, 1) }, uniquingKeysWith: +)
        #expect(posts.count == variants.count, "the sandbox holds \(posts.count) posts")
        #expect(perText.filter { $0.value > 1 }.isEmpty, "posted twice: \(perText.filter { $0.value > 1 }.keys.sorted())")
        #expect(variants.filter { perText[$0.text] == nil }.isEmpty, "never posted")
    }
}

/// A log file in the harness's workspace.
func nodesLog(_ harness: DispatchHarness, _ name: String) throws -> (FileHandle, URL) {
    let url = harness.root.appendingPathComponent(name)
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    return (try FileHandle(forWritingTo: url), url)
}
