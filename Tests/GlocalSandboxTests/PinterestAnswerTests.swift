import Foundation
import Testing

/// Pinterest API v5 in the sandbox, against the shapes docs/networks.md ("Pinterest") takes from Pinterest's
/// reference: errors `{code, message}`, the Pin object, media registration and its statuses, analytics by metric type.
@Suite struct PinterestAnswerTests {
    static let board = "1022106146619306511"

    static func pin(_ extra: [String: Any] = [:]) -> [String: Any] {
        var body: [String: Any] = [
            "board_id": board, "description": "Hydra", "title": "Hydra",
            "media_source": ["source_type": "image_url", "url": "https://cdn.lumiere.example/teaser.jpg"],
        ]
        body.merge(extra) { $1 }
        return body
    }

    @Test func aPinIsCreatedOnItsBoardAndListedThere() async throws {
        try await SandboxCalls.run { sandbox in
            let created = try await sandbox.call("POST", "pinterest/v5/pins", token: "alice~t", json: Self.pin())
            #expect(created.status == 201)
            let id = try #require(created.object["id"] as? String)
            #expect(id.allSatisfy { $0.isNumber })
            #expect(created.object["board_id"] as? String == Self.board)
            #expect((created.object["media"] as? [String: Any])?["media_type"] as? String == "image")
            #expect(created.object["created_at"] is String)
            let listed = try await sandbox.call("GET", "pinterest/v5/boards/\(Self.board)/pins?page_size=25", token: "alice~t")
            #expect(listed.status == 200)
            #expect((listed.object["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
            #expect(listed.object.keys.contains("bookmark"))
        }
    }

    /// Changes Pinterest refuses (by index: the test arguments must be Sendable).
    static func changes() -> [[String: Any]] {
        [
            ["board_id": NSNull()], ["title": String(repeating: "t", count: 101)],
            ["description": String(repeating: "d", count: 801)],
            ["link": "https://lumiere.example/" + String(repeating: "l", count: 2_025)],
            ["alt_text": String(repeating: "a", count: 501)],
            ["media_source": ["source_type": "image_url", "url": "ftp://x"]],
        ]
    }

    @Test(arguments: 0..<changes().count)
    func whatPinterestRefusesIsA400WithCodeAndMessage(_ index: Int) async throws {
        try await SandboxCalls.run { sandbox in
            let change = Self.changes()[index]
            var body = Self.pin(change)
            if change["board_id"] is NSNull { body.removeValue(forKey: "board_id") }
            let refused = try await sandbox.call("POST", "pinterest/v5/pins", token: "alice~t", json: body)
            #expect(refused.status == 400)
            #expect(refused.object["code"] is Int && refused.object["message"] is String)
            #expect(await sandbox.state.storedPosts(network: "pinterest").isEmpty)
        }
    }

    @Test func aCallWithoutATokenIsA401WithCode2() async throws {
        try await SandboxCalls.run { sandbox in
            let refused = try await sandbox.call("POST", "pinterest/v5/pins", json: Self.pin())
            #expect(refused.status == 401)
            #expect(refused.object["code"] as? Int == 2)
        }
    }

    @Test func aRegisteredVideoIsRegisteredUntilUploadedThenSucceeded() async throws {
        try await SandboxCalls.run { sandbox in
            let registered = try await sandbox.call("POST", "pinterest/v5/media", token: "alice~t", json: ["media_type": "video"])
            #expect(registered.status == 201)
            let id = try #require(registered.object["media_id"] as? String)
            let upload = try #require(registered.object["upload_url"] as? String)
            let parameters = try #require(registered.object["upload_parameters"] as? [String: String])
            #expect(parameters["key"] != nil && parameters["x-amz-signature"] != nil && parameters["policy"] != nil)
            let before = try await sandbox.call("GET", "pinterest/v5/media/\(id)", token: "alice~t")
            #expect(before.object["status"] as? String == "registered")
            // A pin of a video not yet uploaded is refused.
            let early = try await sandbox.call(
                "POST", "pinterest/v5/pins", token: "alice~t",
                json: Self.pin(["media_source": ["source_type": "video_id", "media_id": id, "cover_image_key_frame_time": 0]]))
            #expect(early.status == 400)
            let path = String(try #require(URL(string: upload)).path.dropFirst())
            let uploaded = try await sandbox.call(
                "POST", path,
                raw: SandboxCalls.multipart(
                    fields: parameters.sorted { $0.key < $1.key },
                    file: (name: "file", type: "video/mp4", bytes: Data([1, 2, 3]))))
            #expect(uploaded.status == 204)
            let after = try await sandbox.call("GET", "pinterest/v5/media/\(id)", token: "alice~t")
            #expect(after.object["status"] as? String == "succeeded")
            #expect(after.object["media_type"] as? String == "video")
        }
    }

    @Test func analyticsNeedTheirDatesAndMetricTypesAndAnswerLifetimeMetrics() async throws {
        try await SandboxCalls.run { sandbox in
            let created = try await sandbox.call("POST", "pinterest/v5/pins", token: "alice~t", json: Self.pin())
            let id = try #require(created.object["id"] as? String)
            let bare = try await sandbox.call("GET", "pinterest/v5/pins/\(id)/analytics", token: "alice~t")
            #expect(bare.status == 400)
            let answer = try await sandbox.call(
                "GET", "pinterest/v5/pins/\(id)/analytics?start_date=2026-09-03&end_date=2026-12-01&metric_types=IMPRESSION,SAVE",
                token: "alice~t")
            #expect(answer.status == 200)
            let lifetime = try #require((answer.object["all"] as? [String: Any])?["lifetime_metrics"] as? [String: Int])
            #expect(Set(lifetime.keys).isSuperset(of: ["IMPRESSION", "SAVE", "PIN_CLICK", "OUTBOUND_CLICK"]))
            let someoneElse = try await sandbox.call(
                "GET", "pinterest/v5/pins/\(id)/analytics?start_date=2026-09-03&end_date=2026-12-01&metric_types=SAVE",
                token: "bob~t")
            #expect(someoneElse.status == 404)
        }
    }
}
