import Foundation
import GlocalCore
import Hummingbird

/// `/_sandbox/…`: inject faults, list what was posted, reset, set the clock and audiences.
struct AdminRoutes: Sendable {
    let state: SandboxState

    /// The windows `/_sandbox/limits` may replace: the rate windows of X, Mastodon (statuses, and every call, media
    /// uploads and deletions) and Bluesky (the repo's, the global one, blobs' and sessions'), Instagram's containers,
    /// TikTok's daily posts and YouTube's quota buckets.
    static let limitWindows =
        ["instagram/containers", "mastodon", "mastodon/all", "mastodon/deletes", "mastodon/media", "tiktok/posts", "x"]
        + BlueskyRateLimit.windows
        + YouTubeQuotaBucket.allCases.map(\.window)

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// Decodes one value or an array of them.
    private func decodeMany<Value: Decodable>(_ type: Value.Type, _ body: Data) -> [Value]? {
        (try? Self.decoder.decode([Value].self, from: body)) ?? (try? Self.decoder.decode(Value.self, from: body)).map { [$0] }
    }

    private struct ClockChange: Decodable {
        var now: Date?
        var advance: Double?
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("_sandbox/faults") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            guard let faults = decodeMany(SandboxFault.self, call.body) else {
                return SandboxReply.json(400, ["error": "expected {network, account?, kind, count, seconds?}"])
            }
            for fault in faults { await state.inject(fault) }
            return SandboxReply.encodable(await state.pendingFaults())
        }
        router.get("_sandbox/faults") { _, _ -> Response in SandboxReply.encodable(await state.pendingFaults()) }
        router.get("_sandbox/posts") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            return SandboxReply.encodable(await state.storedPosts(network: call.query["network"]))
        }
        router.post("_sandbox/reset") { _, _ -> Response in
            await state.reset()
            return SandboxReply.json(200, ["reset": true])
        }
        router.post("_sandbox/clock") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            guard let change = try? Self.decoder.decode(ClockChange.self, from: call.body) else {
                return SandboxReply.json(400, ["error": "expected {now: ISO 8601} or {advance: seconds}"])
            }
            if let now = change.now { await state.setNow(now) }
            if let advance = change.advance { await state.advance(by: advance) }
            return SandboxReply.json(200, ["now": SandboxDialect.iso(await state.now())])
        }
        router.get("_sandbox/clock") { _, _ -> Response in SandboxReply.json(200, ["now": SandboxDialect.iso(await state.now())])
        }
        router.post("_sandbox/limits") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            guard let limits = try? Self.decoder.decode([String: Int].self, from: call.body), limits.values.allSatisfy({ $0 > 0 })
            else {
                return SandboxReply.json(
                    400, ["error": "expected {\"<window>\": positive limit}, e.g. {\"youtube/uploads\": 100000}"])
            }
            if let unknown = limits.keys.sorted().first(where: { !Self.limitWindows.contains($0) }) {
                return SandboxReply.json(
                    400, ["error": "unknown window \(unknown); windows: \(Self.limitWindows.joined(separator: ", "))"])
            }
            return SandboxReply.json(200, await state.setLimits(limits))
        }
        router.post("_sandbox/audiences") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            guard let audiences = decodeMany(SandboxAudience.self, call.body) else {
                return SandboxReply.json(400, ["error": "expected {network, account} and optionally timeZone, peakHour, size"])
            }
            for audience in audiences { await state.setAudience(audience) }
            return SandboxReply.json(200, ["audiences": audiences.count])
        }
    }
}
