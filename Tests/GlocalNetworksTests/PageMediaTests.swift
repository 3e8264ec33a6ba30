import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// Facebook and LinkedIn media beyond the conformance suite: failed uploads, videos, refused mixes.
@Suite struct PageMediaTests {
    static let facebook = ClientCase.withMedia.first { $0.network == .facebook && $0.imageCount == 3 }!
    static let linkedin = ClientCase.withMedia.first { $0.network == .linkedin && $0.imageCount == 3 }!
    static let linkedinOne = ClientCase.withMedia.first { $0.network == .linkedin && $0.imageCount == 1 }!

    /// The upload (not the post) answers 5xx: `.transient`, nothing is posted; a retry then posts exactly once.
    @Test(arguments: [
        (facebook, "/photos"), (linkedin, "/dms-uploads/"), (linkedinOne, "/dms-uploads/"), (linkedin, "/rest/images"),
    ])
    func failedUploadIsTransientAndPostsNothing(_ clientCase: ClientCase, _ path: String) async throws {
        try await SandboxHarness.run { sandbox in
            await sandbox.state.inject(
                SandboxFault(network: clientCase.sandboxNetwork, account: clientCase.accountKey, kind: .serverError, path: path))
            let client = clientCase.make(sandbox.environment)
            let outcome = await client.publish(clientCase.post, credentials: clientCase.credentials)
            #expect(outcome.isTransient, "got \(outcome)")
            #expect(await sandbox.posts(clientCase).isEmpty)
            #expect(await sandbox.state.pendingFaults().isEmpty)
            let retry = await client.publish(clientCase.post, credentials: clientCase.credentials)
            #expect(retry.receipt != nil, "got \(retry)")
            #expect(await sandbox.posts(clientCase).count == 1)
        }
    }

    @Test(arguments: [true, false])
    func facebookVideoGoesToVideosAndTheReceiptIsTheFeedPost(_ publicURL: Bool) async throws {
        try await SandboxHarness.run { sandbox in
            let base = try #require(ClientCase.plain.first { $0.network == .facebook })
            var post = base.post
            post.media = [
                MediaFile(
                    path: "assets/hydra/clip.mp4",
                    publicURL: publicURL ? URL(string: "https://cdn.lumiere.example/clip.mp4") : nil
                ) {
                    Data(repeating: 7, count: 10)
                }
            ]
            let outcome = await base.make(sandbox.environment).publish(post, credentials: base.credentials)
            let receipt = try #require(outcome.receipt, "got \(outcome)")
            let stored = try #require(await sandbox.posts(base).first)
            let video = try #require(await sandbox.stored(base).first { $0.kind == "media" })
            #expect(receipt.remoteID == stored.id)
            #expect(stored.id.hasPrefix("102938475610293_"))
            #expect(receipt.extra["video_id"] == video.id)
            #expect(stored.key == video.id)
            let form = WireExpectations.form(stored.body)
            if publicURL {
                #expect(form == ["file_url": "https://cdn.lumiere.example/clip.mp4", "description": post.text])
            } else {
                // The handle of the Resumable Upload API session (FacebookVideoUploadTests follows it).
                #expect(form["title"] == "Hydra" && form["description"] == post.text && form.count == 3)
                #expect(form["fbuploader_video_file_chunk"]?.hasPrefix("2:") == true)
                #expect(video.text == "10 bytes")
            }
            // The link still goes in the first comment, under the feed post.
            let comment = try #require(await sandbox.stored(base).first { $0.kind == "comment" })
            #expect(comment.parentID == stored.id)
        }
    }

    @Test(arguments: [10, LinkedInVideoSize.twoParts])
    func linkedInVideoIsUploadedInPartsFinalizedAndReferenced(_ size: Int) async throws {
        try await SandboxHarness.run { sandbox in
            let base = try #require(ClientCase.plain.first { $0.network == .linkedin })
            var post = base.post
            post.media = [MediaFile(path: "assets/hydra/clip.mp4") { Data(repeating: 1, count: size) }]
            let outcome = await base.make(sandbox.environment).publish(post, credentials: base.credentials)
            #expect(outcome.receipt != nil, "got \(outcome)")
            let video = try #require(await sandbox.stored(base).first { $0.kind == "media" })
            #expect(video.id.hasPrefix("urn:li:video:"))
            #expect(video.body == (size > LinkedInVideoSize.part ? "2 parts" : "1 parts"))
            let body = try WireExpectations.json(try #require(await sandbox.posts(base).first).body)
            #expect(body["content"] as? NSDictionary == ["media": ["id": video.id, "title": "Hydra"]] as NSDictionary)
        }
    }

    @Test(arguments: ClientCase.plain.filter { [.facebook, .linkedin].contains($0.network) })
    func imagesMixedWithAVideoAreRefusedBeforeAnyCall(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            var post = clientCase.post
            post.media = ClientCase.images(2) + [MediaFile(path: "assets/clip.mp4") { Data([1]) }]
            let outcome = await clientCase.make(sandbox.environment).publish(post, credentials: clientCase.credentials)
            guard case .invalidContent = outcome else {
                Issue.record("expected invalidContent, got \(outcome)")
                return
            }
            #expect(await sandbox.stored(clientCase).isEmpty)
        }
    }

    @Test(arguments: [
        #"{"media": {"id": "urn:li:image:never"}}"#,
        #"{"multiImage": {"images": [{"id": "urn:li:image:a"}, {"id": "urn:li:image:b"}]}}"#,
        #"{"multiImage": {"images": [{"id": "urn:li:image:a"}]}}"#,
    ])
    func sandboxRefusesContentThatIsNotUploadedImages(_ contentJSON: String) async throws {
        try await SandboxHarness.run { sandbox in
            let base = try #require(sandbox.environment.endpoints.api[.linkedin])
            let content = try WireExpectations.json(contentJSON)
            let body: [String: Any] = [
                "author": "urn:li:organization:99", "commentary": "x", "lifecycleState": "PUBLISHED", "content": content,
            ]
            let request = HTTPRequest(
                method: "POST", url: base.appendingPathComponent("rest/posts"),
                headers: [
                    "Authorization": "Bearer li~t", "LinkedIn-Version": "202606", "X-Restli-Protocol-Version": "2.0.0",
                    "Content-Type": "application/json",
                ],
                body: try JSONSerialization.data(withJSONObject: body))
            let response = try await sandbox.environment.transport.send(request)
            #expect(response.status == 422)
            #expect(await sandbox.state.storedPosts(network: "linkedin").isEmpty)
        }
    }
}

/// Sizes around LinkedIn's 4 MiB video part.
enum LinkedInVideoSize {
    static let part = 4_194_304
    static let twoParts = part + 10
}
