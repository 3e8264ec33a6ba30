import Foundation
import GlocalSandbox
import Testing

/// Instagram's container limit as `meta/EXCERPTS.md` quotes the content publishing guide ("… containers per rolling
/// 24 h"), read at test time: per account, on the sandbox's clock, refused with Graph's throttling error.
@Suite struct InstagramContainerLimitTests {
    static let user = "17841405822304914"

    /// The limit and its window in hours, from the excerpt.
    static func quoted() throws -> (containers: Int, hours: Int) {
        let line = try #require(
            try SpecFiles.text("meta/EXCERPTS.md").components(separatedBy: "\n").first { $0.contains("containers per rolling") })
        let words = line.components(separatedBy: " ")
        let index = try #require(words.firstIndex(of: "containers"))
        let rolling = try #require(words.firstIndex(of: "rolling"))
        return (try #require(Int(words[index - 1])), try #require(Int(words[rolling + 1])))
    }

    static func container(_ sandbox: SandboxCalls, user: String = user) async throws -> SandboxCalls.Answer {
        try await sandbox.call(
            "POST", "instagram/v25.0/\(user)/media", token: "u~t",
            form: [("image_url", "https://cdn.example/a.jpg"), ("caption", "Bonjour")])
    }

    @Test func theLimitHoldsPerAccountOverARollingWindow() async throws {
        let limit = try Self.quoted()
        #expect(limit.hours == 24)
        try await SandboxCalls.run { sandbox in
            #expect(try await Self.container(sandbox).status == 200)
            await sandbox.state.advance(by: 3600)
            for index in 1..<limit.containers {
                let answer = try await Self.container(sandbox)
                #expect(answer.status == 200, "container \(index + 1)")
            }
            let refused = try await Self.container(sandbox)
            #expect(refused.status == 400)
            let error = try #require(refused.object["error"] as? [String: Any])
            #expect(error["code"] as? Int == 4 && error["type"] as? String == "OAuthException")
            #expect((error["message"] as? String)?.hasPrefix("(#4)") == true)
            // Access comes back when the first container leaves the window, 23 hours from now.
            let usage = try #require(refused.headers["x-business-use-case-usage"])
            #expect(usage.contains("\"estimated_time_to_regain_access\":\((limit.hours - 1) * 60)"), "\(usage)")
            #expect(try await Self.container(sandbox, user: "17841400000000001").status == 200, "another account")
            await sandbox.state.advance(by: TimeInterval((limit.hours - 1) * 3600 - 1))
            #expect(try await Self.container(sandbox).status == 400, "one second early")
            await sandbox.state.advance(by: 1)
            #expect(try await Self.container(sandbox).status == 200, "the first container left the window")
            #expect(try await Self.container(sandbox).status == 400, "and only that one")
        }
    }

    @Test func threadsHasNoSuchLimit() async throws {
        try await SandboxCalls.run { sandbox in
            _ = await sandbox.state.setLimits(["instagram/containers": 1])
            for text in ["un", "deux"] {
                let answer = try await sandbox.call(
                    "POST", "threads/v1.0/\(Self.user)/threads", token: "u~t", form: [("media_type", "TEXT"), ("text", text)])
                #expect(answer.status == 200)
            }
        }
    }
}
