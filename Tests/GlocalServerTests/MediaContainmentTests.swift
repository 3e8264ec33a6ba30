import Foundation
import GlocalCore
import GlocalServer
import GlocalStore
import GlocalYAML
import Hummingbird
import HummingbirdTesting
import Testing

/// `/media/...` serves only images that a campaign references, resolved inside the workspace: never the store, the
/// key file or anything else under `.glocal/`, whatever the link, encoding or slashes; the same 404 whether the file
/// exists or not; the same rules for a viewer.
@Suite struct MediaContainmentTests {
    static let preview = "assets/hydra-launch/preview.png"
    /// Referenced by hydra-launch; each replaced by something that must not be served.
    static let linkedToKey = "assets/hydra-launch/reminder-1x1.png"
    static let linkedOutside = "assets/hydra-launch/launch-1200x628.png"
    static let textNamedPNG = "assets/holiday-gift-sets/new-year-1x1.png"
    /// Referenced, a link to the preview that stays inside: served.
    static let linkedInside = "assets/holiday-gift-sets/gift-guide-4x5.png"

    let container: URL
    let root: URL
    let fixture: ServerFixture
    let environment: ServerEnvironment
    let image: Data

    /// A copy of the example workspace's assets with `.glocal/` (store and key), links and a secret outside.
    init() throws {
        let fm = FileManager.default
        container = fm.temporaryDirectory.appendingPathComponent("glocal-media-\(UUID().uuidString)")
        root = container.appendingPathComponent("workspace")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        try fm.copyItem(at: ServerFixture.root.appendingPathComponent("assets"), to: root.appendingPathComponent("assets"))
        image = try Data(contentsOf: root.appendingPathComponent(Self.preview))
        try fm.createDirectory(at: root.appendingPathComponent(".glocal"), withIntermediateDirectories: true)
        try "S2V5S2V5S2V5S2V5S2V5S2V5S2V5S2V5S2V5S2U=".write(
            to: root.appendingPathComponent(".glocal/secret.key"), atomically: true, encoding: .utf8)
        try Data("SQLite format 3\0".utf8).write(to: root.appendingPathComponent(".glocal/glocal.sqlite"))
        // A valid PNG outside: refused for where it is, not for what it holds.
        try fm.createDirectory(at: container.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try image.write(to: container.appendingPathComponent("outside/secret.png"))
        try image.write(to: root.appendingPathComponent("assets/unreferenced.png"))
        try "SECRET_TOKEN=x".write(to: root.appendingPathComponent(Self.textNamedPNG), atomically: true, encoding: .utf8)
        let links: [(String, String)] = [
            (Self.linkedToKey, "../../.glocal/secret.key"),
            (Self.linkedOutside, "../../../outside/secret.png"),
            (Self.linkedInside, "../hydra-launch/preview.png"),
            ("assets/key.png", "../.glocal/secret.key"),
            ("assets/store.png", "../.glocal/glocal.sqlite"),
            ("assets/glocal", "../.glocal"),
            ("assets/passwd.png", "/etc/passwd"),
        ]
        for (path, target) in links {
            try? fm.removeItem(at: root.appendingPathComponent(path))
            try fm.createSymbolicLink(atPath: root.appendingPathComponent(path).path, withDestinationPath: target)
        }
        let fixture = try ServerFixture()
        self.fixture = fixture
        let clock = fixture.clock
        environment = ServerEnvironment(
            workspace: ServerFixture.workspace, workspaceRoot: root, store: fixture.store, users: fixture.environment.users,
            sessions: fixture.environment.sessions, media: FileMediaInspector(root: root), now: { clock.now })
    }

    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        defer { try? FileManager.default.removeItem(at: container) }
        try await Application(router: ApprovalServer.router(environment)).test(.router, body)
    }

    /// Every request that must answer 404.
    static let refused = [
        "/media/" + linkedToKey, "/media/" + linkedOutside, "/media/" + textNamedPNG,
        "/media/assets/unreferenced.png", "/media/assets/key.png", "/media/assets/store.png", "/media/assets/passwd.png",
        "/media/assets/glocal/secret.key", "/media/assets/glocal/glocal.sqlite",
        "/media/.glocal/secret.key", "/media/.glocal/glocal.sqlite", "/media/.glocal//secret.key", "/media//.glocal/secret.key",
        "/media/assets/../.glocal/secret.key", "/media/assets/%2e%2e/.glocal/secret.key",
        "/media/assets/%2E%2E/%2eglocal/secret.key",
        "/media/assets%2f..%2f.glocal%2fsecret.key", "/media/assets/hydra-launch/%2e%2e/%2e%2e/.glocal/secret.key",
        "/media/assets//..//.glocal//secret.key", "/media/%2fetc%2fpasswd", "/media//etc/passwd", "/media/glocal.yaml",
        "/media/assets/hydra-launch/preview.png%00.txt", "/media/assets/hydra-launch/%zz.png", "/media/",
    ]

    @Test func onlyReferencedImagesInsideTheWorkspaceAreServed() async throws {
        let image = self.image
        try await test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.admin, password: ServerFixture.password)
            for path in [
                "/media/" + Self.preview, "/media/" + Self.linkedInside, "/media//assets//hydra-launch//preview.png",
                "/media/assets/hydra-launch/preview%2Epng",
            ] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.headers[.contentType] == "image/png", "\(path)")
                #expect(Data(page.body.utf8).count > 0 && page.body.hasPrefix("\u{FFFD}PNG"), "\(path)")
            }
            let cookie = browser.cookies.map { "\($0)=\($1)" }.joined(separator: "; ")
            let served = try await client.execute(uri: "/media/" + Self.preview, method: .get, headers: [.cookie: cookie])
            #expect(Data(buffer: served.body) == image)
            let missing = try await browser.get("/media/assets/does-not-exist.png")
            #expect(missing.status == .notFound)
            for path in Self.refused {
                let page = try await browser.get(path)
                #expect(page.status == .notFound, "\(path) answered \(page.status)")
                // The same answer as for a file that does not exist: nothing tells what is there.
                #expect(page.body == missing.body, "\(path)")
                #expect(!page.body.contains("S2V5") && !page.body.contains("SQLite") && !page.body.contains("root:"), "\(path)")
            }
        }
    }

    @Test func aViewerGetsTheSameRules() async throws {
        try await test { client in
            var viewer = BrowserSession(client: client)
            _ = try await viewer.login(ServerFixture.viewer, password: ServerFixture.password)
            #expect(try await viewer.get("/media/" + Self.preview).status == .ok)
            for path in Self.refused { #expect(try await viewer.get(path).status == .notFound, "\(path)") }
        }
    }

    @Test func withoutASessionNothingIsServed() async throws {
        try await test { client in
            var anonymous = BrowserSession(client: client)
            let page = try await anonymous.get("/media/" + Self.preview)
            #expect(page.status == .seeOther && page.location?.hasPrefix("/login") == true)
            #expect(try await anonymous.get("/media/.glocal/secret.key").status == .seeOther)
        }
    }
}
