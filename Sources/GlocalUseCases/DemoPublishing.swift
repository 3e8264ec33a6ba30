import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalStore

/// The demo's end-to-end run (`glocal run --demo`): every account connected to the sandbox, the
/// soonest post approved by the demo admin on every account, its slots replayed in simulated time so each post
/// goes out at its own slot and is read back at its own +1 h, +24 h and +7 d, and a table of what went out where.
public struct DemoPublishing: Sendable {
    /// The workspace (its accounts and media).
    public let workspace: Workspace
    /// The workspace's directory.
    public let root: URL
    /// The store the demo approves in and publishes from.
    public let store: any WorkspaceStore
    /// Where the accounts' sandbox credentials are sealed.
    public let credentials: StoredCredentials
    /// The sandbox every network is served by.
    public let sandboxURL: URL
    /// Moves the sandbox's clock along with the replay, so its posts carry their simulated times.
    public let moveSandboxClock: @Sendable (Date) async -> Void
    /// Where the sandbox fetches media from (the web UI's `/media/`).
    public let mediaBaseURL: URL?
    /// Signs those media URLs so the web UI serves them to the sandbox (or a network) without a session.
    public let mediaSigner: MediaURLSigner?
    /// Where simulated time starts.
    public let now: Date
    /// The demo admin, who approves.
    public let admin = "admin@lumiere.example"

    /// A demo of `workspace` against the sandbox at `sandboxURL`, starting at `now`.
    public init(
        workspace: Workspace, root: URL, store: any WorkspaceStore, credentials: StoredCredentials, sandboxURL: URL,
        mediaBaseURL: URL?, mediaSigner: MediaURLSigner? = nil, now: Date,
        moveSandboxClock: @escaping @Sendable (Date) async -> Void
    ) {
        self.workspace = workspace
        self.root = root
        self.store = store
        self.credentials = credentials
        self.sandboxURL = sandboxURL
        self.mediaBaseURL = mediaBaseURL
        self.mediaSigner = mediaSigner
        self.now = now
        self.moveSandboxClock = moveSandboxClock
    }

    /// Sandbox credentials for every account (the sandbox names accounts by these ids).
    public func connectAccounts() async throws {
        for account in workspace.accounts {
            let id = account.id.value
            try await credentials.store(
                AccountCredentials(
                    accessToken: "\(id)~demo-token", refreshToken: "\(id)~demo-refresh", remoteUserID: id, pageID: id,
                    authorURN: "urn:li:organization:\(id)"),
                for: id)
        }
    }

    /// Approves, on every account, the pending variants of the post whose first slot comes soonest;
    /// returns the campaign and post, and the post's last slot. The rest stays pending for the web UI.
    public func approveSoonestPost() throws -> (campaign: String, post: String, lastSlot: Date)? {
        let pending = try store.variants(in: .pendingApproval, visible: { _ in true }).filter { $0.scheduledAt != nil }
        guard let first = pending.min(by: { ($0.scheduledAt!, $0.id) < ($1.scheduledAt!, $1.id) }) else { return nil }
        let chosen = pending.filter { $0.campaignID == first.campaignID && $0.postID == first.postID }
        for variant in chosen {
            // The demo admin may act on every account; deadlines are the web UI's to show.
            try store.approve(
                variant.id, revision: VariantRevision(of: variant.contentHash), actor: admin, now: now, permit: { _ in })
        }
        return (first.campaignID, first.postID, chosen.compactMap(\.scheduledAt).max()!)
    }

    /// Replays the dispatcher from `now` to `end` against the sandbox, reading each post's engagement back at its
    /// own checkpoints (+1 h, +24 h, +7 d after it went out) as they come due, simulated time running on past `end`
    /// to the last reading; returns the dispatcher's reports and how many readings were taken. `onAttempt` hears of
    /// every attempt and `onReport` of each job's outcome as it is written, as the dispatcher of `glocal run` does (its
    /// log and `/metrics`).
    public func replay(
        until end: Date, onAttempt: @escaping @Sendable (PublishAttempt) -> Void = { _ in },
        onReport: (JobReport) -> Void = { _ in }
    ) async throws -> (reports: [JobReport], readings: Int) {
        let clock = SimulatedClock(now)
        let dispatcher = DispatcherSetup.dispatcher(
            configuration: DispatchConfiguration(worker: "demo-replay", concurrency: 4), workspace: workspace, root: root,
            store: store, credentials: credentials, endpoints: .sandbox(baseURL: sandboxURL), mediaBaseURL: mediaBaseURL,
            mediaSigner: mediaSigner, clock: { clock.now }, onAttempt: onAttempt)
        let checkpoints = EngagementCheckpoints.standardReadings
        let collector = MetricsCollector(
            metrics: store.metrics, publications: store.publishQueue,
            clients: DispatcherSetup.clients(
                .sandbox(baseURL: sandboxURL), clock: { clock.now }, apiVersions: workspace.settings.apiVersions),
            credentials: credentials, checkpoints: checkpoints, clock: { clock.now })
        let replay = DispatchReplay(dispatcher: dispatcher, queue: store.publishQueue, clock: clock, collector: collector)
        var readings = 0
        // The last post's last reading, and a day's grace for a reading a retry or a rate limit made late.
        let readingsUntil = end.addingTimeInterval(TimeInterval((checkpoints.max() ?? 0) + 86_400))
        let reports = try await replay.run(
            until: end, readingsUntil: readingsUntil, onStep: { instant in await moveSandboxClock(instant) },
            onReport: onReport, onReading: { if $0.engagement != nil { readings += 1 } })
        return (reports, readings)
    }

    /// The network column is as wide as the longest network name (`google_business`), so none is cut.
    static let networkWidth = Network.allCases.map(\.rawValue.count).max() ?? 0

    /// One table row: each cell padded to its width with spaces, never cut (a longer cell pushes the next one along).
    static func row(_ cells: [(text: String, width: Int)]) -> String {
        "  " + cells.map { $0.text + String(repeating: " ", count: max(0, $0.width - $0.text.count)) }.joined(separator: " ")
    }

    /// The first `limit` posts (local time, zone, network, account, the network's link or id, or
    /// "sent to webhook" for a network without a native client), a count per network, and every
    /// post that did not go out with its reason.
    public func table(_ reports: [JobReport], limit: Int = 12) throws -> String {
        var lines: [String] = []
        let sent = reports.filter { $0.outcome == "published" }
        for report in sent.prefix(limit) {
            guard let variant = try store.variant(report.variantID) else { continue }
            let receipt = try store.publishQueue.publication(of: report.variantID)
            let reference = receipt?.url ?? receipt?.remoteID ?? "?"
            lines.append(
                Self.row([
                    (variant.localTime ?? "-", 17), (variant.timeZone, 17), (report.network.rawValue, Self.networkWidth),
                    (report.accountID, 29),
                    (
                        DeliveryWording.hasNativeClient(report.network)
                            ? reference : "\(DeliveryWording.sentToWebhook) (receipt \(reference))", 0
                    ),
                ]))
        }
        if sent.count > limit { lines.append("  … and \(sent.count - limit) more") }
        let perNetwork = Dictionary(grouping: sent, by: \.network).mapValues(\.count)
        lines.append(
            "  per network: "
                + perNetwork.sorted { $0.key.rawValue < $1.key.rawValue }.map { network, count in
                    "\(network.rawValue) \(count)" + (DeliveryWording.hasNativeClient(network) ? "" : " (sent to webhook)")
                }.joined(separator: ", "))
        for report in reports where report.outcome != "published" {
            var reason = report.note ?? ""
            switch report.resolution {
            case .retry(_, let why, _), .reconcile(_, let why), .hold(let why), .fail(let why): reason = why
            default: break
            }
            lines.append("  \(report.outcome): \(report.network.rawValue)/\(report.accountID) \(report.variantID): \(reason)")
        }
        return lines.joined(separator: "\n")
    }

    /// The closing line: how many posts went out, how many were published on their networks and how
    /// many only reached the webhook stand-in (networks without a native client), never called published.
    public func summary(_ reports: [JobReport]) -> String {
        let sent = reports.filter { $0.outcome == "published" }
        let webhook = sent.filter { !DeliveryWording.hasNativeClient($0.network) }
        let networks = Set(webhook.map(\.network.rawValue)).sorted().joined(separator: ", ")
        let start = "demo: \(sent.count) posts went out, each once, at its own slot: \(sent.count - webhook.count) published on "
        // Every network of the example has a native client; a workspace with a webhook network says how many.
        guard !webhook.isEmpty else { return start + "their networks." }
        return start + "their networks, \(webhook.count) sent to webhook (no native client: \(networks))."
    }
}
