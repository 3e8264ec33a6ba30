import Foundation
import GlocalSandbox
import Testing

/// createRecord's `swapCommit` (compare and swap with the repo's commit), as the lexicon in `shared/specs` says.
@Suite struct BlueskySwapCommitTests {
    typealias Calls = BlueskyRequestCheckTests

    @Test func aSwapCommitThatIsNotTheReposCurrentCommitIsInvalidSwap() async throws {
        let main = try #require((try Calls.lexicon("com.atproto.repo.createRecord")["defs"] as? [String: Any])?["main"])
        let lexicon = try #require(main as? [String: Any])
        let input = ((lexicon["input"] as? [String: Any])?["schema"] as? [String: Any])?["properties"] as? [String: Any]
        let swap = try #require(input?["swapCommit"] as? [String: Any])
        #expect(swap["format"] as? String == "cid")
        #expect((swap["description"] as? String)?.contains("Compare and swap with the previous commit") == true)
        let errors = try #require(lexicon["errors"] as? [[String: Any]])
        let invalidSwap = try #require(errors.first { ($0["description"] as? String)?.contains("'swapCommit'") == true })
        let errorName = try #require(invalidSwap["name"] as? String)
        #expect(errorName == "InvalidSwap")

        try await SandboxCalls.run { sandbox in
            let did = try await Calls.did(sandbox)
            func create(_ text: String, swap: Any?) async throws -> SandboxCalls.Answer {
                var body: [String: Any] = ["repo": did, "collection": "app.bsky.feed.post", "record": Calls.post(text)]
                if let swap { body["swapCommit"] = swap }
                return try await Calls.create(sandbox, body)
            }
            // A repo not written yet has no commit a swap could match.
            let first = try await create("Premier", swap: "bafyreib2rxk3rybk3aobmv5cjuql3bm2twh4jo5uxgf5lhbhatvgs3tlm")
            #expect(first.status == 400 && first.object["error"] as? String == errorName, "\(first.object)")
            let created = try await create("Premier", swap: nil)
            let commit = try #require((created.object["commit"] as? [String: Any])?["cid"] as? String)
            let swapped = try await create("Deuxième", swap: commit)
            #expect(swapped.status == 200, "\(swapped.object)")
            let newer = try #require((swapped.object["commit"] as? [String: Any])?["cid"] as? String)
            #expect(newer != commit)
            let stale = try await create("Troisième", swap: commit)
            #expect(stale.status == 400 && stale.object["error"] as? String == errorName, "\(stale.object)")
            #expect((stale.object["message"] as? String)?.contains(newer) == true, "\(stale.object)")
            let notACID = try await create("Quatrième", swap: "pas un cid")
            #expect(notACID.status == 400 && notACID.object["error"] as? String == "InvalidRequest", "\(notACID.object)")
            let texts = await sandbox.state.storedPosts(network: "bluesky").map(\.text)
            #expect(texts == ["Premier", "Deuxième"])
        }
    }
}
