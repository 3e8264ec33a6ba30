import Foundation
import GlocalCore
import GlocalStore
import GlocalTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What the dispatch tests run against: a small workspace on disk with its store file, a real
/// `glocal sandbox` process, and helpers to start real `glocal dispatch` processes.
final class DispatchHarness: @unchecked Sendable {
    /// One account of the workspace with what the sandbox knows it by.
    struct TestAccount {
        var id: String
        var network: Network
        /// The credentials JSON `glocal account connect` reads.
        var credentials: String
    }

    let root: URL
    let database: String
    let accounts: [TestAccount]
    private(set) var sandbox: ChildProcess?
    private(set) var sandboxURL: URL?

    /// The media every post of a network carries: a video over one upload chunk for YouTube (8 MiB chunks) and TikTok
    /// (10 MB chunks), so that both upload in several chunks; an image for Pinterest, which needs one; none elsewhere.
    static func media(for network: Network) -> [String] {
        switch network {
        case .youtube: return ["assets/crash-youtube.mp4"]
        case .tiktok: return ["assets/crash-tiktok.mp4"]
        case .pinterest: return ["assets/crash-pin.png"]
        case .x, .bluesky, .mastodon, .threads, .linkedin, .facebook, .instagram, .googleBusiness: return []
        }
    }

    /// Sizes of the crash test's videos: two YouTube chunks, two TikTok chunks (the second takes the trailing bytes).
    static let videoSizes: [String: Int] = [
        "assets/crash-youtube.mp4": 8 * 1_048_576 + 300_000, "assets/crash-tiktok.mp4": 20_000_123,
    ]

    /// A workspace with `perNetwork` accounts on each of `networks`.
    init(networks: [Network], perNetwork: Int) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-dispatch-\(UUID().uuidString)")
        database = root.appendingPathComponent(".glocal/store.sqlite").path
        accounts = networks.flatMap { network in
            (1...perNetwork).map { index in
                let key = network == .bluesky ? "did:plc:crash\(index)" : "\(network.rawValue)\(index)"
                return TestAccount(
                    id: "crash-\(network.rawValue)-\(index)", network: network,
                    credentials: #"{"access_token": "\#(key)~token", "user_id": "\#(key)"}"#)
            }
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("locales"), withIntermediateDirectories: true)
        try "workspace: crash\nbrand: Crash\ndefault_locale: en\n".write(
            to: root.appendingPathComponent("glocal.yaml"), atomically: true, encoding: .utf8)
        try "locale: en\nstrings:\n  hello: Hello\n".write(
            to: root.appendingPathComponent("locales/en.yaml"), atomically: true, encoding: .utf8)
        var yaml = "accounts:\n"
        for (index, account) in accounts.enumerated() {
            yaml += "  - id: \(account.id)\n    network: \(account.network.rawValue)\n    handle: \(account.id)\n    locale: en\n"
            // Pinterest pins go to a board of the account; a Business Profile post to the account's location.
            if account.network == .pinterest {
                yaml += "    boards: [{id: \"\(1_022_106_146_619_306_000 + index)\", name: Crash}]\n"
            }
            if account.network == .googleBusiness {
                yaml += "    location: accounts/1098765432101234567/locations/\(4_567_890_123_456_789_000 + index)\n"
            }
        }
        try yaml.write(to: root.appendingPathComponent("accounts.yaml"), atomically: true, encoding: .utf8)
        try writeMedia(for: Set(networks))
    }

    /// The media files the networks' posts carry (zero-filled videos: the sandbox counts bytes, it does not play them).
    private func writeMedia(for networks: Set<Network>) throws {
        let paths = Set(networks.flatMap(Self.media(for:)))
        guard !paths.isEmpty else { return }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("assets"), withIntermediateDirectories: true)
        for path in paths {
            let target = root.appendingPathComponent(path)
            if let size = Self.videoSizes[path] {
                try Data(count: size).write(to: target)
            } else {
                let png = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                    .appendingPathComponent("Fixtures/golden/base/assets/serum-4x5.png")
                try FileManager.default.copyItem(at: png, to: target)
            }
        }
    }

    /// Stores `perAccount` approved variants for each account, all due at `slot`; returns them.
    func approveVariants(perAccount: Int, slot: Date) throws -> [StoredVariant] {
        try approveVariants(perAccount: { _ in perAccount }, slot: slot)
    }

    /// Stores approved variants for each account, as many as `perAccount` says for its network, all due at `slot`, each
    /// with its network's media; returns them.
    func approveVariants(perAccount: (Network) -> Int, slot: Date) throws -> [StoredVariant] {
        let variants = accounts.flatMap { account in
            (0..<perAccount(account.network)).map { index in
                StoredVariant(
                    id: "crash/post-\(index)/\(account.id)", campaignID: "crash", postID: "post-\(index)", accountID: account.id,
                    network: account.network, locale: "en", kind: .informative,
                    text: "Crash test n°\(index) from \(account.id) 🌊", title: nil, link: nil, linkPlacement: .none,
                    media: Self.media(for: account.network),
                    contentHash: "hash-\(index)-\(account.id)", scheduledAt: slot, localTime: nil, timeZone: "UTC", live: false,
                    state: .approved, explanation: [])
            }
        }
        let plan = Plan(
            changes: variants.map {
                PlanChange(action: .create, id: $0.id, desired: $0, stored: nil, contentChanged: true, timeChanged: true)
            })
        try SQLiteVariantStore(path: database).apply(plan, actor: "test", now: slot.addingTimeInterval(-3_600))
        return variants
    }

    /// Connects every account through the real `glocal account connect`.
    func connectAccounts() throws {
        for account in accounts {
            let (status, _, error) = try GlocalProcess.run(
                ["account", "connect", account.id, "--database", database], in: root, input: account.credentials)
            try #require(status == 0, "account connect \(account.id): \(error)")
        }
    }

    /// Starts `glocal sandbox --port 0` and reads the URL it prints.
    func startSandbox() throws {
        let process = try GlocalProcess.start(["sandbox", "--port", "0"], error: .null)
        sandbox = process
        let text = try #require(process.firstLine(), "the sandbox exited before printing its address")
        let address = try #require(text.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines))
        guard let url = URL(string: address) else { throw URLError(.badURL) }
        sandboxURL = url
    }

    /// Starts a dispatcher process on the store, against the sandbox; its output goes to `log`.
    func startDispatcher(_ extra: [String], log: FileHandle) throws -> ChildProcess {
        try GlocalProcess.start(
            ["dispatch", "--database", database, "--sandbox", sandboxURL!.absoluteString] + extra, in: root,
            output: .descriptor(log.fileDescriptor), error: .sameAsOutput)
    }

    /// Sends an admin call to the sandbox and returns the answer's body.
    @discardableResult
    func admin(_ method: String, _ path: String, json: String? = nil) async throws -> Data {
        var request = URLRequest(url: sandboxURL!.appendingPathComponent("_sandbox").appendingPathComponent(path))
        request.httpMethod = method
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        try #require((response as? HTTPURLResponse)?.statusCode == 200, "\(method) \(path)")
        return data
    }

    /// Everything the sandbox stored, as `(network, account, id, kind, text)`.
    func sandboxPosts() async throws -> [[String: Any]] {
        let data = try await admin("GET", "posts")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    /// Stops the sandbox and removes the workspace.
    func tearDown() {
        if let sandbox, sandbox.isRunning {
            sandbox.kill(SIGKILL)
            sandbox.wait()
        }
        try? FileManager.default.removeItem(at: root)
    }
}

/// A small seeded generator (SplitMix64), so a failing run can be replayed with the same kills.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
