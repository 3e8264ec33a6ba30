import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// Instagram and Threads containers: videos that need polling, carousels, and resuming a saved container.
@Suite struct ContainerFlowTests {
    struct SaveThenCrash: Error {}

    static let containerCases = ClientCase.all.filter { [.instagram, .threads].contains($0.network) }

    private func media(_ names: [String]) -> [MediaFile] {
        names.map { MediaFile(path: "assets/\($0)", publicURL: URL(string: "https://cdn.lumiere.example/\($0)")) { Data() } }
    }

    @Test(arguments: containerCases)
    func aVideoIsPolledUntilFinishedThenPublished(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            var post = clientCase.post
            post.media = media(["clip.mp4"])
            let outcome = await clientCase.make(sandbox.environment).publish(post, credentials: clientCase.credentials)
            #expect(outcome.receipt != nil, "got \(outcome)")
            let stored = try #require(await sandbox.posts(clientCase).first)
            let form = WireExpectations.form(stored.body)
            #expect(form["media_type"] == (clientCase.network == .instagram ? "REELS" : "VIDEO"))
            #expect(form["video_url"] == "https://cdn.lumiere.example/clip.mp4")
        }
    }

    @Test(arguments: containerCases)
    func anImageCarriesItsAltTextAndAVideoNone(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            var post = clientCase.post
            post.media = [
                MediaFile(
                    path: "assets/a.jpg", publicURL: URL(string: "https://cdn.lumiere.example/a.jpg"),
                    altText: "Un flacon Hydra sur fond bleu"
                ) { Data() }
            ]
            let outcome = await clientCase.make(sandbox.environment).publish(post, credentials: clientCase.credentials)
            #expect(outcome.receipt != nil, "got \(outcome)")
            let form = WireExpectations.form(try #require(await sandbox.posts(clientCase).first).body)
            #expect(form["image_url"] == "https://cdn.lumiere.example/a.jpg")
            #expect(form["alt_text"] == "Un flacon Hydra sur fond bleu")
            // Alt text is for images: a video's container has none, whatever the file says.
            var video = clientCase.post
            video.media = [
                MediaFile(
                    path: "assets/clip.mp4", publicURL: URL(string: "https://cdn.lumiere.example/clip.mp4"), altText: "Un clip"
                ) { Data() }
            ]
            video.text += " (vidéo)"
            let second = await clientCase.make(sandbox.environment).publish(video, credentials: clientCase.credentials)
            #expect(second.receipt != nil, "got \(second)")
            let forms = await sandbox.posts(clientCase).map { WireExpectations.form($0.body) }
            let videoForm = try #require(forms.first { $0["video_url"] != nil })
            #expect(videoForm["alt_text"] == nil)
        }
    }

    @Test(arguments: containerCases)
    func severalFilesMakeACarouselOfChildren(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            var post = clientCase.post
            post.media = media(["a.jpg", "b.jpg"])
            let outcome = await clientCase.make(sandbox.environment).publish(post, credentials: clientCase.credentials)
            #expect(outcome.receipt != nil, "got \(outcome)")
            let form = WireExpectations.form(try #require(await sandbox.posts(clientCase).first).body)
            #expect(form["media_type"] == "CAROUSEL")
            #expect(form["children"]?.split(separator: ",").count == 2)
        }
    }

    @Test(arguments: containerCases)
    func aSavedContainerIsResumedNotRecreated(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            let client = clientCase.make(sandbox.environment)
            let saved = PendingBox()
            // The pending receipt is saved, then the dispatcher dies before the publish call.
            let first = await client.publish(clientCase.post, credentials: clientCase.credentials, pending: nil) { receipt in
                await saved.record(receipt)
                throw SaveThenCrash()
            }
            #expect(first.isTransient)
            #expect(await sandbox.posts(clientCase).isEmpty)
            let container = try #require(await saved.last?.extra["container_id"])
            #expect(
                await client.lookUp(clientCase.post, pending: await saved.last, credentials: clientCase.credentials) == .notFound)
            let second = await client.publish(clientCase.post, credentials: clientCase.credentials, pending: await saved.last) {
                _ in
                Issue.record("a resumed container must not create another")
            }
            #expect(second.receipt?.extra["container_id"] == container)
            #expect(await sandbox.posts(clientCase).map(\.key) == [container])
        }
    }

    /// A container left unpublished for 24 hours expires (meta/EXCERPTS.md): the attempt is transient, and the next
    /// one makes a new container and publishes it, once.
    @Test(arguments: containerCases)
    func anExpiredContainerIsMadeAgainNotFailed(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            let client = clientCase.make(sandbox.environment)
            let saved = PendingBox()
            // The container is recorded, then a day passes before it is published (a stalled dispatcher).
            let first = await client.publish(clientCase.post, credentials: clientCase.credentials, pending: nil) { receipt in
                await saved.record(receipt)
                await sandbox.state.advance(by: 86_401)
            }
            #expect(first.isTransient, "an expired container is no failure of the post: \(first)")
            #expect(await sandbox.posts(clientCase).isEmpty)
            let expired = try #require(await saved.last?.extra["container_id"])
            let second = await client.publish(clientCase.post, credentials: clientCase.credentials, pending: await saved.last) {
                receipt in await saved.record(receipt)
            }
            let receipt = try #require(second.receipt, "got \(second)")
            #expect(receipt.extra["container_id"] != expired)
            #expect(await sandbox.posts(clientCase).count == 1)
        }
    }

    /// Moves the sandbox's clock a day on, once, just before the first call to `edge` (the publish call).
    struct DayPassesBeforePublish: HTTPTransport {
        actor Once {
            var done = false
            func take() -> Bool {
                defer { done = true }
                return !done
            }
        }
        let inner: any HTTPTransport
        let sandbox: SandboxHarness
        let edge: String
        let once = Once()

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            if request.method == "POST", request.url.path.hasSuffix(edge), await once.take() {
                await sandbox.state.advance(by: 86_401)
            }
            return try await inner.send(request)
        }
    }

    /// The container expires between the status read (`FINISHED`) and the publish call, which Meta refuses (error
    /// 9007): the container's status decides, so it is a passing failure and the next attempt makes a new one.
    @Test(arguments: containerCases)
    func aContainerThatExpiresJustBeforeItsPublishIsMadeAgain(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            var environment = sandbox.environment
            let edge = clientCase.network == .instagram ? "/media_publish" : "/threads_publish"
            environment.transport = DayPassesBeforePublish(inner: sandbox.environment.transport, sandbox: sandbox, edge: edge)
            let client = clientCase.make(environment)
            let saved = PendingBox()
            let first = await client.publish(clientCase.post, credentials: clientCase.credentials, pending: nil) { receipt in
                await saved.record(receipt)
            }
            #expect(first.isTransient, "the container expired, the post is not out: \(first)")
            #expect(await sandbox.posts(clientCase).isEmpty)
            let second = await client.publish(clientCase.post, credentials: clientCase.credentials, pending: await saved.last) {
                receipt in await saved.record(receipt)
            }
            #expect(second.receipt != nil, "got \(second)")
            #expect(await sandbox.posts(clientCase).count == 1)
        }
    }
}
