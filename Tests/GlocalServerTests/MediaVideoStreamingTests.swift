import Foundation
import GlocalCore
import GlocalNetworks
@testable import GlocalServer
import Hummingbird
import Testing

/// `/media/PATH?expires=…&sig=…` serves every media type a workspace accepts, videos included (Instagram reels, Threads
/// video, TikTok PULL_FROM_URL and Pinterest video are fetched from it), over real HTTP on loopback: the right
/// `Content-Type`, `Content-Length` and `Accept-Ranges`, single byte ranges (206, 416), the file streamed in chunks.
@Suite struct MediaVideoStreamingTests {
    /// A temporary workspace root holding the media files, referenced by the first post of the example workspace.
    final class MediaFolder: @unchecked Sendable {
        let root: URL
        let workspace: Workspace

        init(files: [String: Data], sparse: [String: (head: Data, size: Int, tail: Data)] = [:], referenced: [String]) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-media-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("clips"), withIntermediateDirectories: true)
            for (path, data) in files { try data.write(to: root.appendingPathComponent(path)) }
            for (path, file) in sparse {
                // A large file without writing its size in bytes: the head, a hole, the tail.
                let url = root.appendingPathComponent(path)
                _ = FileManager.default.createFile(atPath: url.path, contents: file.head)
                let handle = try FileHandle(forWritingTo: url)
                try handle.truncate(atOffset: UInt64(file.size))
                try handle.seek(toOffset: UInt64(file.size - file.tail.count))
                try handle.write(contentsOf: file.tail)
                try handle.close()
            }
            var workspace = ServerFixture.workspace
            let location = SourceLocation(file: "campaigns/test.yaml", line: 1, column: 1)
            workspace.campaigns[0].posts[0].media += referenced.map {
                MediaReference(path: Located($0, at: location), type: MediaType.inferred(fromPath: $0))
            }
            self.workspace = workspace
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// An MP4-like file of `size` bytes: an `ftyp` box, then bytes that tell their own offset (`offset % 251`).
    static func mp4(size: Int) -> Data {
        var bytes = [UInt8](repeating: 0, count: size)
        for index in 0..<size { bytes[index] = UInt8(index % 251) }
        let head: [UInt8] = [0, 0, 0, 0x18] + Array("ftypisom".utf8) + [0, 0, 2, 0] + Array("isommp41".utf8)
        bytes.replaceSubrange(0..<head.count, with: head)
        return Data(bytes)
    }

    static let signer = MediaURLSigner(key: [UInt8](repeating: 5, count: 32))

    /// The web UI serving `folder` on a free loopback port; `body` gets a function making a path's signed URL.
    static func withServer(_ folder: MediaFolder, _ body: @Sendable (@Sendable (String) -> URL) async throws -> Void)
        async throws
    {
        let fixture = try ServerFixture()
        let base = fixture.environment
        var environment = ServerEnvironment(
            workspace: folder.workspace, workspaceRoot: folder.root, store: base.store, users: base.users,
            sessions: base.sessions, media: base.media, now: base.now)
        environment.mediaSigner = signer
        let now = base.now()
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let application = Application(
            router: ApprovalServer.router(environment), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: SignedMediaURLTests.quiet
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else { throw ConnectionFailure(message: "the server did not start") }
            defer { group.cancelAll() }
            let media = URL(string: "http://127.0.0.1:\(port)/media/")!
            try await body { path in signer.signedURL(media.appendingPathComponent(path), path: path, now: now) }
        }
    }

    static func get(_ url: URL, range: String? = nil) async throws -> GlocalNetworks.HTTPResponse {
        try await SignedMediaURLTests.anonymous.send(
            GlocalNetworks.HTTPRequest(method: "GET", url: url, headers: range.map { ["Range": $0] } ?? [:]))
    }

    static func header(_ name: String, _ response: GlocalNetworks.HTTPResponse) -> String? {
        response.headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }

    @Test func everyVideoTypeIsServedWithItsContentTypeLengthAndRanges() async throws {
        let mp4 = Self.mp4(size: 300_000)
        let mov = Data([0, 0, 0, 8] + Array("wide".utf8) + [UInt8](repeating: 7, count: 992))
        let webm = Data([0x1A, 0x45, 0xDF, 0xA3] + [UInt8](repeating: 1, count: 996))
        let gif = Data(Array("GIF89a".utf8) + [UInt8](repeating: 0, count: 100))
        let folder = try MediaFolder(
            files: [
                "clips/reel.mp4": mp4, "clips/reel.m4v": mp4, "clips/pin.mov": mov, "clips/teaser.webm": webm,
                "clips/loop.gif": gif, "clips/unreferenced.mp4": mp4, "clips/text.mp4": Data("not a video at all".utf8),
            ],
            referenced: [
                "clips/reel.mp4", "clips/reel.m4v", "clips/pin.mov", "clips/teaser.webm", "clips/loop.gif", "clips/text.mp4",
            ])
        defer { folder.remove() }
        try await Self.withServer(folder) { signed in
            for (path, type, bytes) in [
                ("clips/reel.mp4", "video/mp4", mp4), ("clips/reel.m4v", "video/mp4", mp4),
                ("clips/pin.mov", "video/quicktime", mov),
                ("clips/teaser.webm", "video/webm", webm), ("clips/loop.gif", "image/gif", gif),
            ] {
                let whole = try await Self.get(signed(path))
                #expect(whole.status == 200, "\(path)")
                #expect(Self.header("Content-Type", whole) == type, "\(path)")
                #expect(Self.header("Content-Length", whole) == String(bytes.count), "\(path)")
                #expect(Self.header("Accept-Ranges", whole) == "bytes", "\(path)")
                #expect(whole.body == bytes, "\(path)")
            }
            let url = signed("clips/reel.mp4")
            // HEAD: the same headers, no body (a fetcher asks the size first).
            let head = try await SignedMediaURLTests.anonymous.send(GlocalNetworks.HTTPRequest(method: "HEAD", url: url))
            #expect(head.status == 200 && head.body.isEmpty, "HEAD: \(head.status) \(head.headers)")
            #expect(Self.header("Content-Length", head) == "300000" && Self.header("Accept-Ranges", head) == "bytes")
            let middle = try await Self.get(url, range: "bytes=100000-100099")
            #expect(middle.status == 206)
            #expect(Self.header("Content-Range", middle) == "bytes 100000-100099/300000")
            #expect(Self.header("Content-Length", middle) == "100")
            #expect(Self.header("Content-Type", middle) == "video/mp4")
            #expect(middle.body == mp4[100_000...100_099])
            // A range across the 64 KiB chunks, and a suffix.
            let across = try await Self.get(url, range: "bytes=65000-200000")
            #expect(across.status == 206 && across.body == mp4[65_000...200_000])
            let suffix = try await Self.get(url, range: "bytes=-1000")
            #expect(suffix.status == 206 && suffix.body == mp4.suffix(1_000))
            #expect(Self.header("Content-Range", suffix) == "bytes 299000-299999/300000")
            let past = try await Self.get(url, range: "bytes=300000-")
            #expect(past.status == 416)
            #expect(Self.header("Content-Range", past) == "bytes */300000")
            #expect(past.body.isEmpty)
            // Several ranges are not served as multipart: the whole file.
            let several = try await Self.get(url, range: "bytes=0-9,20-29")
            #expect(several.status == 200 && several.body == mp4)
            // Named like a video but not one, or not referenced: 404 as for a file that is not there.
            #expect(try await Self.get(signed("clips/text.mp4")).status == 404)
            #expect(try await Self.get(signed("clips/unreferenced.mp4")).status == 404)
            // The 403 rules hold for videos: a signature for another path.
            let other = URL(string: url.absoluteString.replacingOccurrences(of: "reel.mp4", with: "pin.mov"))!
            #expect(try await Self.get(other).status == 403)
        }
    }

    @Test func aVideoOf200MiBIsReadInChunksOfAtMost64KiB() async throws {
        let size = 200 * 1_048_576
        let head = Self.mp4(size: 4_096)
        let tail = Data("the last bytes of the reel".utf8)
        let folder = try MediaFolder(
            files: [:], sparse: ["clips/long.mp4": (head, size, tail)], referenced: ["clips/long.mp4"])
        defer { folder.remove() }
        // The code path the route streams from: one chunk at a time, never more than `chunkSize` held.
        let media = ServedMedia(workspace: folder.workspace, root: folder.root)
        let file = try #require(media.file(at: "clips/long.mp4"))
        #expect(file.size == size && file.contentType == "video/mp4")
        var (total, largest, chunks) = (0, 0, 0)
        var last = Data()
        for chunk in file.chunks(first: 0, last: size - 1) {
            let buffer = try chunk.get()
            #expect(buffer.readableBytes <= ServedMediaFile.chunkSize)
            (total, largest, chunks) = (total + buffer.readableBytes, max(largest, buffer.readableBytes), chunks + 1)
            if total == size { last = Data(buffer.readableBytesView) }
        }
        #expect(total == size)
        #expect(largest == ServedMediaFile.chunkSize)
        #expect(chunks == size / ServedMediaFile.chunkSize)
        #expect(last.suffix(tail.count) == tail)
        try await Self.withServer(folder) { signed in
            let url = signed("clips/long.mp4")
            let end = try await Self.get(url, range: "bytes=-\(tail.count)")
            #expect(end.status == 206 && end.body == tail)
            #expect(Self.header("Content-Range", end) == "bytes \(size - tail.count)-\(size - 1)/\(size)")
            let start = try await Self.get(url, range: "bytes=0-4095")
            #expect(start.status == 206 && start.body == head)
            // The whole file over loopback: its length announced and every byte sent.
            let whole = try await Self.get(url)
            #expect(whole.status == 200)
            #expect(Self.header("Content-Length", whole) == String(size))
            #expect(whole.body.count == size && whole.body.suffix(tail.count) == tail)
        }
    }
}
