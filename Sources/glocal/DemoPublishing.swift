import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalSandbox
import GlocalStore

/// The demo's end-to-end run (`glocal run --demo`): every account connected to the sandbox, the
/// soonest campaign approved by the demo admin, its weeks replayed in simulated time so each post
/// goes out at its own slot, and a table of what went out where.
struct DemoPublishing {
    let workspace: Workspace
    let root: URL
    let store: SQLiteVariantStore
    let credentials: StoredCredentials
    let sandboxURL: URL
    let sandbox: SandboxState
    let mediaBaseURL: URL?
    let now: Date
    let admin = "admin@lumiere.example"

    /// Sandbox credentials for every account (the sandbox names accounts by these ids).
    func connectAccounts() async throws {
        for account in workspace.accounts {
            let id = account.id.value
            try await credentials.store(
                AccountCredentials(
                    accessToken: "\(id)~demo-token", refreshToken: "\(id)~demo-refresh", remoteUserID: id, pageID: id,
                    authorURN: "urn:li:organization:\(id)"),
                for: id)
        }
    }

    /// Approves the pending variants of the campaign whose first slot comes soonest; returns its id
    /// and its last slot.
    func approveSoonestCampaign() throws -> (campaign: String, lastSlot: Date)? {
        let pending = try store.variants(in: .pendingApproval).filter { $0.scheduledAt != nil }
        guard let first = pending.min(by: { $0.scheduledAt! < $1.scheduledAt! }) else { return nil }
        let chosen = pending.filter { $0.campaignID == first.campaignID }
        for variant in chosen {
            // The demo admin may act on every account; deadlines are the web UI's to show.
            try store.approve(variant.id, actor: admin, now: now, permit: { _ in })
        }
        return (first.campaignID, chosen.compactMap(\.scheduledAt).max()!)
    }

    /// Replays the dispatcher from `now` to `end` against the sandbox; returns its reports.
    func replay(until end: Date) async throws -> [JobReport] {
        let clock = SimulatedClock(now)
        let environment = ClientEnvironment(
            transport: URLSessionTransport(timeout: 10), endpoints: .sandbox(baseURL: sandboxURL), clock: { clock.now })
        var clients: [Network: any NetworkClient] = [:]
        for network in Network.allCases { clients[network] = NetworkClients.client(for: network, environment: environment) }
        let dispatcher = Dispatcher(
            configuration: DispatchConfiguration(worker: "demo-replay", concurrency: 4),
            queue: store.publishQueue, clients: clients, credentials: credentials,
            posts: OutgoingPostFactory(accounts: workspace.accounts, root: root, mediaBaseURL: mediaBaseURL),
            clock: { clock.now })
        let replay = DispatchReplay(dispatcher: dispatcher, queue: store.publishQueue, clock: clock)
        return try await replay.run(until: end) { instant in await sandbox.setNow(instant) }
    }

    /// One line per post: its local time, where it went, and the network's id for it.
    func table(_ reports: [JobReport]) throws -> String {
        var lines: [String] = []
        for report in reports where report.outcome == "published" {
            guard let variant = try store.variant(report.variantID) else { continue }
            let receipt = try store.publishQueue.publication(of: report.variantID)
            let local = variant.localTime ?? "-"
            lines.append(
                "  \(local.padding(toLength: 17, withPad: " ", startingAt: 0)) \(variant.timeZone.padding(toLength: 20, withPad: " ", startingAt: 0)) "
                    + "\(report.network.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) "
                    + "\(report.accountID.padding(toLength: 28, withPad: " ", startingAt: 0)) \(receipt?.url ?? receipt?.remoteID ?? "?")")
        }
        let others = reports.filter { $0.outcome != "published" }
        for report in others {
            lines.append("  \(report.outcome): \(report.network.rawValue)/\(report.accountID) \(report.variantID) \(report.note ?? "")")
        }
        return lines.joined(separator: "\n")
    }
}
