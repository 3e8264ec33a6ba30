import Foundation
import GlocalCore
import Testing

/// A session's hosting status, held to `com.atproto.server.refreshSession` in `../shared/specs` (read at test time).
struct BlueskyHostingStatusTests {
    /// The lexicon's `status` property.
    static func status() throws -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/specs/atproto/lexicons/com/atproto/server/refreshSession.json")
        let lexicon = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let main = try #require((lexicon["defs"] as? [String: Any])?["main"] as? [String: Any])
        let schema = try #require((main["output"] as? [String: Any])?["schema"] as? [String: Any])
        return try #require((schema["properties"] as? [String: Any])?["status"] as? [String: Any])
    }

    @Test func everyKnownStatusButActiveStopsTheAccount() throws {
        let status = try Self.status()
        #expect((status["description"] as? String)?.contains("If not specified, then assume 'active'.") == true)
        let known = try #require(status["knownValues"] as? [String])
        #expect(!known.isEmpty)
        for value in known {
            let refusal = try #require(BlueskyHostingStatus.refusal(active: false, status: value), "\(value)")
            #expect(refusal.contains("status \(value)") && refusal.contains("reconnect it"), "\(refusal)")
            #expect(BlueskyHostingStatus.refusal(active: nil, status: value) != nil, "the status alone says it")
        }
        #expect(BlueskyHostingStatus.refusal(active: nil, status: nil) == nil, "not specified: active")
        #expect(BlueskyHostingStatus.refusal(active: true, status: nil) == nil)
        #expect(BlueskyHostingStatus.refusal(active: true, status: "active") == nil)
        #expect(BlueskyHostingStatus.refusal(active: false, status: nil)?.contains("not active") == true)
    }
}
