import Foundation
import GlocalCore
import Synchronization
import GlocalStore
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `glocal dispatch > file`: each post's `published:` line is in the file as soon as the store says the post is out,
/// while the round that sent it is still going, so a node killed (SIGKILL) or a round failed later loses none of them.
@Suite(.serialized) struct DispatchReportLinesTests {
    @Test func eachPublishedLineIsWrittenWhileItsRoundGoesOn() throws {
        let harness = try DispatchHarness(networks: [.mastodon], perNetwork: 2)
        defer { harness.tearDown() }
        // 20 posts, one at a time, each answered by the sandbox after 1 s: one round lasts about 20 s.
        let variants = try harness.approveVariants(perAccount: 10, slot: Date().addingTimeInterval(-5))
        try harness.connectAccounts()
        try harness.startSandbox()
        try Self.slowMastodon(harness, seconds: 1)
        let (log, logURL) = try nodesLog(harness, "dispatch.log")
        let dispatcher = try harness.startDispatcher(["--workers", "1", "--poll", "0.2"], log: log)
        defer {
            if dispatcher.isRunning { dispatcher.kill(SIGKILL) }
            dispatcher.wait()
        }
        let store = try SQLiteVariantStore(path: harness.database)
        let published = {
            Set(try variants.filter { try store.variant($0.id)?.state == .published }.map(\.id))
        }
        // Bounded waits (polled): the first posts go out within seconds; the bounds only end a stuck run.
        let started = Date()
        while try published().count < 3, Date().timeIntervalSince(started) < 60 { usleep(20_000) }
        let out = try published()
        try #require(out.count >= 3 && out.count < variants.count, "\(out.count) of \(variants.count) posts out")
        // Their lines come at once; on the old code they came only when the round ended, ~15 s later.
        let printed = { Self.publishedVariants((try? String(contentsOf: logURL, encoding: .utf8)) ?? "") }
        let looked = Date()
        while !out.isSubset(of: printed()), Date().timeIntervalSince(looked) < 8 { usleep(20_000) }
        let stillSending = try published().count < variants.count
        dispatcher.kill(SIGKILL)
        dispatcher.wait()
        let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        #expect(stillSending, "the round ended before the lines were checked: \(text)")
        #expect(out.subtracting(printed()).isEmpty, "published, no line: \(out.subtracting(printed()).sorted())\n\(text)")
        // Every line printed is a post the store has as published, each once, one whole line each.
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("published: ") }
        let afterKill = try published()
        #expect(printed().isSubset(of: afterKill), "a line for a post not published: \(text)")
        #expect(lines.count == printed().count, "a post printed twice or a line cut: \(text)")
    }

    /// The sandbox's `slow` fault on Mastodon: each post is stored, then answered after `seconds`.
    static func slowMastodon(_ harness: DispatchHarness, seconds: Double) throws {
        var request = URLRequest(url: harness.sandboxURL!.appendingPathComponent("_sandbox/faults"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"[{"network": "mastodon", "kind": "slow", "count": 100, "seconds": \#(seconds)}]"#.utf8)
        let answered = DispatchSemaphore(value: 0)
        let status = Mutex<Int?>(nil)
        URLSession.shared.dataTask(with: request) { _, response, _ in
            status.withLock { $0 = (response as? HTTPURLResponse)?.statusCode }
            answered.signal()
        }.resume()
        try #require(answered.wait(timeout: .now() + 30) == .success, "the sandbox did not answer")
        try #require(status.withLock { $0 } == 200, "the sandbox refused the fault")
    }

    /// The variants named by the `published:` lines of `text` (`published: mastodon/account variant (… s after its slot)`).
    static func publishedVariants(_ text: String) -> Set<String> {
        Set(
            text.split(separator: "\n").filter { $0.hasPrefix("published: ") && $0.hasSuffix(" s after its slot)") }
                .compactMap { $0.split(separator: " ").dropFirst(2).first.map(String.init) })
    }
}
