import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// The sandbox's `/_sandbox/` API over HTTP, and its simulated engagement.
@Suite struct SandboxAdminTests {
    private func call(_ sandbox: SandboxHarness, _ method: String, _ path: String, _ body: String? = nil) async throws -> (
        Int, Any?
    ) {
        guard let base = sandbox.environment.endpoints.webhook?.deletingLastPathComponent() else {
            throw CancellationError()
        }
        let response = try await sandbox.environment.transport.send(
            HTTPRequest(
                method: method, url: base.appendingPathComponent(path), headers: ["Content-Type": "application/json"],
                body: body.map { Data($0.utf8) }))
        return (response.status, try? JSONSerialization.jsonObject(with: response.body))
    }

    @Test func faultsPostsClockAndResetOverHTTP() async throws {
        try await SandboxHarness.run { sandbox in
            let (status, faults) = try await call(
                sandbox, "POST", "_sandbox/faults", #"{"network":"mastodon","account":"42","kind":"server_error","count":2}"#)
            #expect(status == 200)
            #expect((faults as? [[String: Any]])?.first?["kind"] as? String == "server_error")
            let mastodon = try #require(ClientCase.all.first { $0.network == .mastodon })
            let client = mastodon.make(sandbox.environment)
            #expect(await client.publish(mastodon.post, credentials: mastodon.credentials).isTransient)
            #expect(await client.publish(mastodon.post, credentials: mastodon.credentials).isTransient)
            #expect(await client.publish(mastodon.post, credentials: mastodon.credentials).receipt != nil)

            let (_, posts) = try await call(sandbox, "GET", "_sandbox/posts")
            #expect((posts as? [[String: Any]])?.map { $0["network"] as? String } == ["mastodon"])

            let (_, clock) = try await call(sandbox, "POST", "_sandbox/clock", #"{"advance":3600}"#)
            #expect((clock as? [String: Any])?["now"] as? String == "2026-12-01T10:00:00.000Z")

            let (resetStatus, _) = try await call(sandbox, "POST", "_sandbox/reset")
            #expect(resetStatus == 200)
            #expect(await sandbox.state.storedPosts().isEmpty)

            let (badStatus, _) = try await call(sandbox, "POST", "_sandbox/faults", #"{"network":"x","kind":"meteor"}"#)
            #expect(badStatus == 400)
        }
    }

    @Test func engagementPeaksAtTheAudiencesLocalHour() {
        let audience = SandboxAudience(network: "x", account: "a", timeZone: "Europe/Paris", peakHour: 19, size: 1000)
        // 18:00 UTC is 19:00 in Paris in December: the peak.
        let peak = Date(timeIntervalSince1970: 1_796_148_000)
        let offPeak = peak.addingTimeInterval(-12 * 3600)
        let day = TimeInterval(24 * 3600)
        let atPeak = SandboxEngagement.counters(postedAt: peak, now: peak.addingTimeInterval(day), audience: audience)
        let away = SandboxEngagement.counters(postedAt: offPeak, now: offPeak.addingTimeInterval(day), audience: audience)
        #expect(atPeak["views"] == 800)
        #expect(away["views"] == 160)
        #expect(SandboxEngagement.counters(postedAt: peak, now: peak, audience: audience)["views"] == 0)
        let elsewhere = SandboxAudience(network: "x", account: "a", timeZone: "America/New_York", peakHour: 19, size: 1000)
        #expect(
            SandboxEngagement.counters(postedAt: peak, now: peak.addingTimeInterval(day), audience: elsewhere)["views"]! < 800)
    }

    @Test func audiencesSetOverHTTPChangeMetrics() async throws {
        try await SandboxHarness.run { sandbox in
            let x = try #require(ClientCase.all.first { $0.network == .x })
            let client = x.make(sandbox.environment)
            let receipt = try #require(await client.publish(x.post, credentials: x.credentials).receipt)
            await sandbox.state.advance(by: 24 * 3600)
            guard case .fetched(let before) = await client.fetchMetrics(receipt, credentials: x.credentials) else {
                Issue.record("no metrics")
                return
            }
            let (status, _) = try await call(
                sandbox, "POST", "_sandbox/audiences",
                #"{"network":"x","account":"2244994945","timeZone":"UTC","peakHour":9,"size":5000}"#)
            #expect(status == 200)
            guard case .fetched(let after) = await client.fetchMetrics(receipt, credentials: x.credentials) else {
                Issue.record("no metrics")
                return
            }
            #expect(after.counters["impression_count"]! > before.counters["impression_count"]!)
            #expect(after.counters["impression_count"] == 4000)
            // Fields left out take the defaults docs/networks.md gives (UTC, peak 18, 1000); network and account do not.
            let (partial, _) = try await call(
                sandbox, "POST", "_sandbox/audiences", #"{"network":"x","account":"2244994945","size":5000}"#)
            #expect(partial == 200)
            #expect(
                await sandbox.state.audience(network: "x", account: "2244994945")
                    == SandboxAudience(network: "x", account: "2244994945", timeZone: "UTC", peakHour: 18, size: 5000))
            let (unnamed, _) = try await call(sandbox, "POST", "_sandbox/audiences", #"{"network":"x","size":5000}"#)
            #expect(unnamed == 400)
        }
    }
}
