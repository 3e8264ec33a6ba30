import Foundation
import GlocalCore
import GlocalStore
import Testing

/// Issue #5, item 9: real `glocal dispatch` processes killed with SIGKILL at random moments, over
/// and over, while 1 000 posts go out to a real `glocal sandbox` process with faults injected; then
/// one last dispatcher finishes. Not one post may be lost, not one may go out twice. The mix has YouTube and TikTok
/// videos uploaded in several chunks (a kill lands mid-upload too), Pinterest pins with an image and Business Profile
/// posts beside the text networks.
@Suite(.serialized) struct DispatchCrashTests {
    static let networks: [Network] = [.mastodon, .x, .bluesky, .threads, .youtube, .tiktok, .pinterest, .googleBusiness]
    static let perNetwork = 5

    /// Posts per account, 1 000 in all: YouTube's under its cap of 100 uploads a day per account, TikTok's under 15.
    static func perAccount(_ network: Network) -> Int {
        switch network {
        case .youtube: return 5
        case .tiktok: return 10
        case .pinterest, .googleBusiness: return 25
        case .threads: return 33
        case .x, .bluesky, .mastodon: return 34
        case .linkedin, .facebook, .instagram: return 0
        }
    }
    static let kills = 110
    /// Short leases, so that the jobs of a killed worker come back quickly; short backoff for faults.
    static let dispatchOptions = ["--workers", "1", "--lease", "2", "--backoff", "1", "--poll", "0.2"]

    @Test func killedDispatchersNeverLoseOrDoubleAPost() async throws {
        let harness = try DispatchHarness(networks: Self.networks, perNetwork: Self.perNetwork)
        defer { harness.tearDown() }
        let variants = try harness.approveVariants(perAccount: Self.perAccount, slot: Date().addingTimeInterval(-5))
        #expect(variants.count == 1_000)
        try harness.connectAccounts()
        try harness.startSandbox()
        // A session a kill left open, or one the `expire_session` fault ended, is opened again: one more videos.insert
        // call each. The sandbox's YouTube upload and search buckets and TikTok post cap are raised so that only glocal's
        // own caps (100 and 15 per account and day) hold the posts back.
        try await harness.admin(
            "POST", "limits", json: #"{"youtube/uploads": 1000, "youtube/searches": 1000, "tiktok/posts": 1000}"#)
        let log = try FileHandle(
            forWritingTo: {
                let url = harness.root.appendingPathComponent("dispatch.log")
                _ = FileManager.default.createFile(atPath: url.path, contents: nil)
                return url
            }())
        let store = try SQLiteVariantStore(path: harness.database)
        var random = SeededGenerator(seed: 0x5EED_0005)

        var kills = 0
        var cycle = 0
        var completedAtKills: [Int] = []
        while kills < Self.kills {
            if cycle % 15 == 0 { try await injectFaults(harness) }
            cycle += 1
            let before = try store.publishQueue.countsByState()[.completed] ?? 0
            let dispatcher = try harness.startDispatcher(Self.dispatchOptions, log: log)
            // Wait (polling) until this dispatcher is at work, so the kill lands mid-run, not at start-up. The bound is
            // generous: on a loaded CI machine a dispatcher that starts after injected faults can take a while.
            let started = Date()
            // It sleeps on its own thread (usleep), not with Task.sleep: while the rest of the suite keeps the
            // cooperative pool busy, a Task.sleep can wake seconds late and a dispatcher would finish the whole queue
            // in a handful of lives.
            while try store.publishQueue.countsByState()[.completed] ?? 0 == before, Date().timeIntervalSince(started) < 90 {
                usleep(5_000)
            }
            // The fault: a SIGKILL after a random delay, wherever the dispatcher is (claiming, sending,
            // between the network's answer and the commit…).
            let delay = Double.random(in: 0...0.12, using: &random)
            usleep(UInt32(delay * 1_000_000))
            let completed = try store.publishQueue.countsByState()[.completed] ?? 0
            if dispatcher.isRunning, dispatcher.kill(SIGKILL) {
                if case .signalled = dispatcher.wait() { kills += 1 }
            } else {
                Issue.record("a dispatcher exited on its own with status \(dispatcher.terminationStatus)")
            }
            completedAtKills.append(completed)
            if completed == before { break }  // no work left to interrupt
        }
        let completedDuringKills = completedAtKills.last ?? 0

        // The last dispatcher runs until every job is over (polled), then is asked to stop.
        let last = try harness.startDispatcher(Self.dispatchOptions, log: log)
        let deadline = Date().addingTimeInterval(240)
        while Date() < deadline {
            let counts = try store.publishQueue.countsByState()
            if counts.filter({ $0.key.isActive }).values.reduce(0, +) == 0 { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        // Everything is over: stop it (SIGKILL: how it stops no longer matters).
        last.kill(SIGKILL)
        last.wait()

        let logText = (try? String(contentsOf: harness.root.appendingPathComponent("dispatch.log"), encoding: .utf8)) ?? ""
        // At least 100 kills while posts were still going out.
        #expect(completedAtKills.filter { $0 < 1_000 }.count >= 100, "completed at each kill: \(completedAtKills)")
        let counts = try store.publishQueue.countsByState()
        #expect(counts == [.completed: 1_000], "\(counts)\n\(logText.suffix(3_000))")

        var receipts: [String: String] = [:]
        for variant in variants {
            #expect(try store.variant(variant.id)?.state == .published, "\(variant.id)")
            let receipt = try store.publishQueue.publication(of: variant.id)
            #expect(receipt != nil, "\(variant.id) has no receipt")
            receipts[variant.id] = receipt?.remoteID
        }
        let posts = try await harness.sandboxPosts().filter { $0["kind"] as? String == "post" }
        let texts = posts.compactMap { $0["text"] as? String }
        let perText = Dictionary(texts.map { ($0, 1) }, uniquingKeysWith: +)
        #expect(posts.count == 1_000, "the sandbox holds \(posts.count) posts")
        // Every network of the mix got all its posts, the videos' networks included.
        let perNetwork = Dictionary(posts.map { ($0["network"] as? String ?? "?", 1) }, uniquingKeysWith: +)
        let planned = Dictionary(uniqueKeysWithValues: Self.networks.map { ($0.rawValue, Self.perNetwork * Self.perAccount($0)) })
        #expect(perNetwork == planned)
        #expect(perText.filter { $0.value > 1 }.isEmpty, "posted twice: \(perText.filter { $0.value > 1 }.keys.sorted())")
        let missing = variants.filter { perText[$0.text] == nil }.map(\.id)
        #expect(missing.isEmpty, "never posted: \(missing)")
        #expect(Set(receipts.values).count == 1_000, "two variants share a receipt")
        print("crash test: \(kills) kills in \(cycle) runs, \(completedDuringKills) posts out during the kills, 1000 at the end")
    }

    /// Queues network faults: answers dropped after the post was stored (reconciled by look-up; for YouTube and TikTok
    /// the answer to a chunk), server errors (retried), a short rate limit and an expired YouTube upload session.
    func injectFaults(_ harness: DispatchHarness) async throws {
        var faults: [String] = []
        for network in Self.networks {
            faults.append(#"{"network": "\#(network.rawValue)", "kind": "drop_after_store", "count": 2}"#)
            faults.append(#"{"network": "\#(network.rawValue)", "kind": "server_error", "count": 2}"#)
        }
        faults.append(#"{"network": "mastodon", "kind": "rate_limit", "seconds": 2}"#)
        // An upload session that expires mid-upload: the channel is searched, then the upload starts over.
        faults.append(#"{"network": "youtube", "kind": "expire_session", "count": 1}"#)
        try await harness.admin("POST", "faults", json: "[\(faults.joined(separator: ","))]")
    }
}
