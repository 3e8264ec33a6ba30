import Foundation
import GlocalSandbox
import Testing

/// What Facebook, Instagram and Threads check in the sandbox, against `shared/specs/meta/EXCERPTS.md` read at test
/// time: the token as a parameter, Threads' container parameters and text limit, insight metrics, container expiry,
/// the versions Meta released, error objects.
@Suite struct GraphRequestCheckTests {
    static let user = "17841405822304914"

    static func excerpts() throws -> [String] { try SpecFiles.text("meta/EXCERPTS.md").components(separatedBy: "\n") }

    /// The line of the excerpts that contains `marker`.
    static func line(_ marker: String) throws -> String {
        try #require(try excerpts().first { $0.contains(marker) }, "\(marker)")
    }

    static func threads(_ sandbox: SandboxCalls, _ form: [(String, String)]) async throws -> SandboxCalls.Answer {
        try await sandbox.call("POST", "threads/v1.0/\(user)/threads", token: "u~t", form: form)
    }

    static func isGraphError(_ answer: SandboxCalls.Answer, code: Int) -> Bool {
        let error = answer.object["error"] as? [String: Any] ?? [:]
        return error["code"] as? Int == code && error["message"] is String && error["type"] is String
            && error["fbtrace_id"] is String
    }

    @Test func theAccessTokenParameterIsATokenAndNoTokenIsMissingNotExpired() async throws {
        #expect(try Self.line("refresh_access_token?grant_type=ig_refresh_token").contains("access_token=<LONG_LIVED>"))
        try await SandboxCalls.run { sandbox in
            let query = try await sandbox.call(
                "POST", "facebook/v25.0/102938475610293/feed?access_token=page~t", form: [("message", "in the query")])
            #expect(query.status == 200)
            let body = try await sandbox.call(
                "POST", "facebook/v25.0/102938475610293/feed", form: [("message", "in the body"), ("access_token", "page~t")])
            #expect(body.status == 200)
            let none = try await sandbox.call("POST", "facebook/v25.0/102938475610293/feed", form: [("message", "none")])
            #expect(none.status == 400)
            let error = none.object["error"] as? [String: Any] ?? [:]
            #expect(error["error_subcode"] == nil && error["code"] as? Int != 190, "not the expired-session answer: \(error)")
        }
    }

    @Test func threadsContainersAreCheckedAsDocumented() async throws {
        let posts = try Self.line("POST /{threads-user-id}/threads:")
        #expect(posts.contains("media_type Required TEXT|IMAGE|VIDEO") && posts.contains("text (required for TEXT)"))
        #expect(posts.contains("image_url (required for IMAGE)"))
        #expect(try Self.line("children (Required if media_type=CAROUSEL)").contains("CAROUSEL"))
        let limitLine = try Self.line("Text posts are limited to")
        let limit = try #require(Int(limitLine.components(separatedBy: "limited to ").last?.prefix { $0.isNumber } ?? ""))
        #expect(limitLine.contains("Emojis are counted as the number of UTF-8 bytes"))
        try await SandboxCalls.run { sandbox in
            let refused: [[(String, String)]] = [
                [("text", "no type")],
                [("media_type", "TEXT")],
                [("media_type", "IMAGE"), ("text", "no image")],
                [("media_type", "BOGUS"), ("text", "x")],
                [("media_type", "CAROUSEL"), ("text", "no children")],
                [("media_type", "TEXT"), ("text", String(repeating: "a", count: limit + 1))],
                [("media_type", "TEXT"), ("text", String(repeating: "😀", count: limit / 4 + 1))],
            ]
            for form in refused {
                let answer = try await Self.threads(sandbox, form)
                #expect(answer.status == 400 && Self.isGraphError(answer, code: 100), "\(form.map(\.0))")
            }
            let accepted: [[(String, String)]] = [
                [("media_type", "TEXT"), ("text", String(repeating: "a", count: limit))],
                [("media_type", "TEXT"), ("text", String(repeating: "😀", count: limit / 4))],
                [("media_type", "IMAGE"), ("image_url", "https://cdn.example/a.jpg")],
            ]
            for form in accepted { #expect(try await Self.threads(sandbox, form).status == 200) }
            let child = try #require(
                try await Self.threads(
                    sandbox, [("media_type", "IMAGE"), ("image_url", "https://cdn.example/b.jpg"), ("is_carousel_item", "true")]
                ).object["id"] as? String)
            let carousel = try await Self.threads(sandbox, [("media_type", "CAROUSEL"), ("children", child)])
            #expect(carousel.status == 200)
        }
    }

    @Test func insightsAnswerOnlyTheDocumentedMetrics() async throws {
        let instagram = try Self.line("impressions/plays deprecated")
        let threads = try Self.line("metrics: views, likes, replies")
        func names(_ list: String) -> [String] {
            list.components(separatedBy: ", ").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let instagramMetrics = names(
            String(instagram.components(separatedBy: "metrics incl. ").last?.components(separatedBy: ";").first ?? ""))
        let threadsMetrics = names(threads.components(separatedBy: "metrics: ").last ?? "")
        #expect(instagramMetrics.contains("total_interactions") && threadsMetrics.contains("quotes"))
        try await SandboxCalls.run { sandbox in
            for (network, edge, publish, metrics, deprecated) in [
                ("instagram", "media", "media_publish", instagramMetrics, ["impressions", "plays"]),
                ("threads", "threads", "threads_publish", threadsMetrics, ["bogus"]),
            ] {
                let version = network == "threads" ? "v1.0" : "v25.0"
                let container = try await sandbox.call(
                    "POST", "\(network)/\(version)/\(Self.user)/\(edge)", token: "u~t",
                    form: [("media_type", "IMAGE"), ("image_url", "https://cdn.example/a.jpg")])
                let published = try await sandbox.call(
                    "POST", "\(network)/\(version)/\(Self.user)/\(publish)", token: "u~t",
                    form: [("creation_id", container.object["id"] as? String ?? "")])
                let media = try #require(published.object["id"] as? String)
                let served = try await sandbox.call(
                    "GET", "\(network)/\(version)/\(media)/insights?metric=\(metrics.joined(separator: ","))", token: "u~t")
                #expect(served.status == 200)
                #expect((served.object["data"] as? [[String: Any]])?.count == metrics.count)
                for name in deprecated {
                    let refused = try await sandbox.call(
                        "GET", "\(network)/\(version)/\(media)/insights?metric=views,\(name)", token: "u~t")
                    #expect(refused.status == 400 && Self.isGraphError(refused, code: 100), "\(network) \(name)")
                }
            }
        }
    }

    @Test func containersExpireAfterTheirLifetime() async throws {
        let line = try Self.line("Containers expire after")
        let hours = try #require(Int(line.components(separatedBy: "Containers expire after ").last?.prefix { $0.isNumber } ?? ""))
        #expect(try Self.line("statuses EXPIRED").contains("EXPIRED"))
        try await SandboxCalls.run { sandbox in
            for (network, edge, publish, field) in [
                ("instagram", "media", "media_publish", "status_code"), ("threads", "threads", "threads_publish", "status"),
            ] {
                let version = network == "threads" ? "v1.0" : "v25.0"
                let container = try #require(
                    try await sandbox.call(
                        "POST", "\(network)/\(version)/\(Self.user)/\(edge)", token: "u~t",
                        form: [("media_type", "IMAGE"), ("image_url", "https://cdn.example/a.jpg")]
                    ).object["id"] as? String)
                await sandbox.state.advance(by: TimeInterval(hours * 3600 - 1))
                let fresh = try await sandbox.call("GET", "\(network)/\(version)/\(container)?fields=\(field)", token: "u~t")
                #expect(fresh.object[field] as? String == "FINISHED")
                await sandbox.state.advance(by: 1)
                let stale = try await sandbox.call("GET", "\(network)/\(version)/\(container)?fields=\(field)", token: "u~t")
                #expect(stale.object[field] as? String == "EXPIRED")
                let refused = try await sandbox.call(
                    "POST", "\(network)/\(version)/\(Self.user)/\(publish)", token: "u~t", form: [("creation_id", container)])
                #expect(refused.status == 400 && refused.object["error"] != nil)
            }
        }
    }

    @Test func onlyReleasedVersionsAreServed() async throws {
        #expect(try Self.line("v26.0 released").contains("(current)"))
        #expect(try Self.line("GET https://graph.threads.net/v1.0/").contains("v1.0"))
        try await SandboxCalls.run { sandbox in
            for version in ["v27.0", "v99.0", "v25.1"] {
                let answer = try await sandbox.call(
                    "POST", "facebook/\(version)/102938475610293/feed", token: "page~t", form: [("message", version)])
                #expect(answer.status == 400 && Self.isGraphError(answer, code: 2635), "\(version)")
            }
            let threads = try await Self.threadsAt("v2.0", sandbox)
            #expect(threads.status == 400)
            #expect(try await Self.threadsAt("v1.0", sandbox).status == 200)
        }
    }

    static func threadsAt(_ version: String, _ sandbox: SandboxCalls) async throws -> SandboxCalls.Answer {
        try await sandbox.call(
            "POST", "threads/\(version)/\(user)/threads", token: "u~t", form: [("media_type", "TEXT"), ("text", version)])
    }

    @Test func errorObjectsCarryTheDocumentedFieldsAndRateMessagesMatchTheirCodes() async throws {
        let shape = try Self.line("{\"error\": {\"message\"")
        #expect(shape.contains("fbtrace_id"))
        try await SandboxCalls.run { sandbox in
            let unknown = try await sandbox.call("GET", "facebook/v25.0/102938475610293_999?fields=shares", token: "page~t")
            #expect(unknown.status == 400 && Self.isGraphError(unknown, code: 100))
            for (network, path) in [
                ("facebook", "facebook/v25.0/102938475610293/feed"), ("instagram", "instagram/v25.0/\(Self.user)/media"),
            ] {
                await sandbox.state.inject(SandboxFault(network: network, kind: .rateLimit, seconds: 60))
                let limited = try await sandbox.call(
                    "POST", path, token: "u~t", form: [("message", "x"), ("image_url", "https://cdn.example/a.jpg")])
                let error = limited.object["error"] as? [String: Any] ?? [:]
                let code = try #require(error["code"] as? Int)
                #expect((error["message"] as? String)?.hasPrefix("(#\(code))") == true, "\(network): \(error)")
            }
        }
    }
}
