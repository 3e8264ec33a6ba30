import Foundation
import GlocalCore
import Testing

/// `POST /api/v1/statuses` as `mastodon/statuses.md` documents it (form data parameters, the 422 body) and as the
/// instance's configuration in `mastodon/instance.md` limits it; media processing as `mastodon/media.md` describes it.
@Suite struct MastodonStatusParameterTests {
    static let token = "lumiere-ca~access"

    /// The first integer after `"name": ` in a spec page (the instance configuration's example values).
    static func number(_ name: String, in page: String) throws -> Int {
        let text = try SpecFiles.text(page)
        let range = try #require(text.range(of: "\"\(name)\": [0-9]+", options: .regularExpression), "\(name) in \(page)")
        return try #require(Int(text[range].split(separator: " ").last ?? ""))
    }

    static func upload(
        _ sandbox: SandboxCalls, type: String = "image/png", bytes: Data = Data([0x89, 0x50, 0x4E, 0x47])
    ) async throws -> SandboxCalls.Answer {
        try await sandbox.call(
            "POST", "mastodon/api/v2/media", token: token, raw: SandboxCalls.multipart(fields: [], file: ("file", type, bytes)))
    }

    /// The instance's default `image_size_limit` (16 MiB) is what the sandbox takes and what `glocal validate` allows:
    /// one byte more is refused by both.
    @Test func anImageOfTheInstancesSizeLimitIsTakenAndOneByteMoreIsNot() async throws {
        let limit = try Self.number("image_size_limit", in: "mastodon/instance.md")
        #expect(NetworkRules.forNetwork(.mastodon).maxImageBytes == limit)
        try await SandboxCalls.run { sandbox in
            let fits = try await Self.upload(sandbox, bytes: Data(count: limit))
            #expect(fits.status == 200)
            let over = try await Self.upload(sandbox, bytes: Data(count: limit + 1))
            #expect(over.status == 422)
            #expect((over.object["error"] as? String)?.hasPrefix("Validation failed: File file size") == true)
        }
    }

    /// The instance's default `video_size_limit` (99 MiB) likewise, and the `description_limit` counted in code points
    /// (Mastodon's length validation; `glocal validate` counts alt text so): a decomposed accent is two.
    @Test func aVideoOfTheInstancesSizeLimitIsTakenAndADescriptionIsCountedInCodePoints() async throws {
        let videoLimit = try Self.number("video_size_limit", in: "mastodon/instance.md")
        let descriptionLimit = try Self.number("description_limit", in: "mastodon/instance.md")
        try await SandboxCalls.run { sandbox in
            let fits = try await Self.upload(sandbox, type: "video/mp4", bytes: Data(count: videoLimit))
            #expect(fits.status == 202)
            let over = try await Self.upload(sandbox, type: "video/mp4", bytes: Data(count: videoLimit + 1))
            #expect(over.status == 422)
            #expect(over.object["error"] as? String == "Validation failed: File file size must be less than 99 MB")
            func described(_ text: String) async throws -> Int {
                try await sandbox.call(
                    "POST", "mastodon/api/v2/media", token: Self.token,
                    raw: SandboxCalls.multipart(
                        fields: [("description", text)], file: ("file", "image/png", Data([0x89, 0x50, 0x4E, 0x47])))
                ).status
            }
            let accent = "e\u{301}"
            #expect(try await described(String(repeating: accent, count: descriptionLimit / 2)) == 200)
            #expect(try await described(String(repeating: accent, count: descriptionLimit / 2 + 1)) == 422)
        }
    }

    @Test func formDataParametersPostAStatus() async throws {
        let page = try SpecFiles.text("mastodon/statuses.md")
        #expect(page.contains("##### Form data parameters") && page.contains("media_ids[]"))
        let status = try MastodonEntityDoc("mastodon/Status.md")
        try await SandboxCalls.run { sandbox in
            let media = try #require(try await Self.upload(sandbox).object["id"] as? String)
            let form = try await sandbox.call(
                "POST", "mastodon/api/v1/statuses", token: Self.token,
                form: [("status", "hello form"), ("visibility", "unlisted"), ("media_ids[]", media), ("language", "fr")])
            #expect(form.status == 200)
            #expect(status.problems(form.object) == [])
            #expect(form.object["visibility"] as? String == "unlisted" && form.object["language"] as? String == "fr")
            #expect((form.object["media_attachments"] as? [[String: Any]])?.map { $0["id"] as? String } == [media])
            let multipart = try await sandbox.call(
                "POST", "mastodon/api/v1/statuses", token: Self.token,
                raw: SandboxCalls.multipart(
                    fields: [("status", "hello multipart"), ("media_ids[]", media)],
                    file: ("spoiler_text", "text/plain", Data())))
            #expect(multipart.status == 200)
            #expect(multipart.object["content"] as? String == "<p>hello multipart</p>")
            #expect((multipart.object["media_attachments"] as? [Any])?.count == 1)
            let mediaOnly = try await sandbox.call(
                "POST", "mastodon/api/v1/statuses", token: Self.token, form: [("media_ids[]", media)])
            #expect(mediaOnly.status == 200, "with media_ids, status becomes optional")
        }
    }

    @Test func blankTextIsRefusedWithTheDocumentedBody() async throws {
        let page = try SpecFiles.text("mastodon/statuses.md")
        let quoted = try #require(page.range(of: "\"error\": \"Validation failed: [^\"]*\"", options: .regularExpression))
        let documented = String(page[quoted].dropFirst("\"error\": \"".count).dropLast())
        try await SandboxCalls.run { sandbox in
            for answer in [
                try await sandbox.call("POST", "mastodon/api/v1/statuses", token: Self.token, form: [("status", "")]),
                try await sandbox.call("POST", "mastodon/api/v1/statuses", token: Self.token, json: ["status": "  "]),
            ] {
                #expect(answer.status == 422)
                #expect(answer.object["error"] as? String == documented)
            }
        }
    }

    @Test func urlsCountTheReservedCharactersAndTheLimitHolds() async throws {
        let limit = try Self.number("max_characters", in: "mastodon/instance.md")
        let perURL = try Self.number("characters_reserved_per_url", in: "mastodon/instance.md")
        let url = "https://example.com/" + String(repeating: "p", count: 60)
        try await SandboxCalls.run { sandbox in
            let fits = String(repeating: "a", count: limit - perURL - 1) + " " + url
            #expect(fits.count > limit, "the raw text is longer than the limit")
            let counted = try await sandbox.call("POST", "mastodon/api/v1/statuses", token: Self.token, form: [("status", fits)])
            #expect(counted.status == 200, "a URL counts \(perURL)")
            let over = try await sandbox.call(
                "POST", "mastodon/api/v1/statuses", token: Self.token,
                form: [("status", String(repeating: "b", count: limit + 1))])
            #expect(over.status == 422)
        }
    }

    @Test func visibilityAndAttachmentCountAreChecked() async throws {
        let page = try SpecFiles.text("mastodon/statuses.md")
        let line = try #require(
            page.components(separatedBy: "\n").first { $0.contains("Sets the visibility of the posted status") })
        let visibilities = line.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        #expect(visibilities.count == 4)
        let maxMedia = try Self.number("max_media_attachments", in: "mastodon/instance.md")
        try await SandboxCalls.run { sandbox in
            for visibility in visibilities {
                let answer = try await sandbox.call(
                    "POST", "mastodon/api/v1/statuses", token: Self.token,
                    json: ["status": "seen by \(visibility)", "visibility": visibility])
                #expect(answer.status == 200 && answer.object["visibility"] as? String == visibility)
            }
            let unknown = try await sandbox.call(
                "POST", "mastodon/api/v1/statuses", token: Self.token, json: ["status": "x", "visibility": "everyone"])
            #expect(unknown.status == 422)
            var media: [String] = []
            for _ in 0...maxMedia { media.append(try #require(try await Self.upload(sandbox).object["id"] as? String)) }
            let allowed = try await sandbox.call(
                "POST", "mastodon/api/v1/statuses", token: Self.token,
                json: ["status": "max", "media_ids": Array(media.prefix(maxMedia))])
            #expect(allowed.status == 200)
            let tooMany = try await sandbox.call(
                "POST", "mastodon/api/v1/statuses", token: Self.token, json: ["status": "over", "media_ids": media])
            #expect(tooMany.status == 422)
        }
    }

    @Test func videoIsProcessedInTheBackground() async throws {
        let page = try SpecFiles.text("mastodon/media.md")
        #expect(page.contains("##### 202: Accepted") && page.contains("##### 206: Partial content"))
        let attachment = try MastodonEntityDoc("mastodon/MediaAttachment.md")
        try await SandboxCalls.run { sandbox in
            let video = try await Self.upload(sandbox, type: "video/mp4")
            #expect(video.status == 202)
            #expect(video.object["url"] is NSNull, "url is null while processing")
            #expect(attachment.problems(video.object) == [])
            let id = try #require(video.object["id"] as? String)
            // "check that the full-sized media has finished processing" before attaching it: until then, refused.
            #expect(page.contains("before it is attached to a status and posted"))
            let early = try await sandbox.call(
                "POST", "mastodon/api/v1/statuses", token: Self.token, json: ["status": "too soon", "media_ids": [id]])
            #expect(early.status == 422 && (early.object["error"] as? String)?.contains("not finished processing") == true)
            let first = try await sandbox.call("GET", "mastodon/api/v1/media/\(id)", token: Self.token)
            #expect(first.status == 206 && first.object["url"] is NSNull)
            let done = try await sandbox.call("GET", "mastodon/api/v1/media/\(id)", token: Self.token)
            #expect(done.status == 200 && done.object["url"] is String)
            let posted = try await sandbox.call(
                "POST", "mastodon/api/v1/statuses", token: Self.token, json: ["status": "ready", "media_ids": [id]])
            #expect(posted.status == 200)
            let image = try await Self.upload(sandbox)
            #expect(image.status == 200 && image.object["url"] is String)
        }
    }

    @Test func publicStatusesNeedNoToken() async throws {
        let page = try SpecFiles.text("mastodon/statuses.md")
        #expect(page.contains("**OAuth:** Public for public statuses"))
        try await SandboxCalls.run { sandbox in
            let posted = try await sandbox.call("POST", "mastodon/api/v1/statuses", token: Self.token, json: ["status": "open"])
            let id = try #require(posted.object["id"] as? String)
            let anonymous = try await sandbox.call("GET", "mastodon/api/v1/statuses/\(id)")
            #expect(anonymous.status == 200 && anonymous.object["id"] as? String == id)
            let direct = try await sandbox.call(
                "POST", "mastodon/api/v1/statuses", token: Self.token, json: ["status": "secret", "visibility": "direct"])
            let hidden = try await sandbox.call("GET", "mastodon/api/v1/statuses/\(direct.object["id"] as? String ?? "")")
            #expect(hidden.status == 404)
        }
    }
}
