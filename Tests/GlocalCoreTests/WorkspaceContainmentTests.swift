import Foundation
import GlocalCore
import Testing

/// `WorkspaceContainment` on a real temporary tree: `outside/secret.env` next to `workspace/`, whose root is
/// itself reached through a link, with links of every kind inside.
@Suite struct WorkspaceContainmentTests {
    let container: URL
    let root: URL
    let containment: WorkspaceContainment
    static let secret = "SECRET_TOKEN=never-read\n"

    init() throws {
        let fm = FileManager.default
        container = fm.temporaryDirectory.appendingPathComponent("glocal-containment-\(UUID().uuidString)")
        let real = container.appendingPathComponent("real-workspace")
        for folder in ["assets/sub", "campaigns", ".glocal", "assets/.cache"] {
            try fm.createDirectory(at: real.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try fm.createDirectory(at: container.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try Self.secret.write(to: container.appendingPathComponent("outside/secret.env"), atomically: true, encoding: .utf8)
        try "key".write(to: real.appendingPathComponent(".glocal/secret.key"), atomically: true, encoding: .utf8)
        try "campaign: a\n".write(to: real.appendingPathComponent("campaigns/a.yaml"), atomically: true, encoding: .utf8)
        try "png".write(to: real.appendingPathComponent("assets/sub/image.png"), atomically: true, encoding: .utf8)
        let links: [(String, String)] = [
            ("campaigns/same.yaml", "a.yaml"),
            ("campaigns/up-and-back.yaml", "../campaigns/a.yaml"),
            ("campaigns/absolute-inside.yaml", real.appendingPathComponent("campaigns/a.yaml").path),
            ("campaigns/leak.yaml", "../../outside/secret.env"),
            ("campaigns/passwd.yaml", "/etc/passwd"),
            ("campaigns/missing-outside.yaml", "../../outside/nothing.env"),
            ("campaigns/missing-inside.yaml", "nothing.yaml"),
            ("campaigns/loop-a.yaml", "loop-b.yaml"),
            ("campaigns/loop-b.yaml", "loop-a.yaml"),
            ("campaigns/key.yaml", "../.glocal/secret.key"),
            ("assets/out", "../../outside"),
            ("assets/sub-link", "sub"),
            ("assets/key.png", "../.glocal/secret.key"),
            ("assets/cached.png", ".cache"),
        ]
        for (path, target) in links {
            try fm.createSymbolicLink(atPath: real.appendingPathComponent(path).path, withDestinationPath: target)
        }
        #expect(mkfifo(real.appendingPathComponent("campaigns/pipe.yaml").path, 0o644) == 0)
        root = container.appendingPathComponent("workspace")
        try fm.createSymbolicLink(atPath: root.path, withDestinationPath: "real-workspace")
        containment = WorkspaceContainment(root: root)
    }

    func remove() { try? FileManager.default.removeItem(at: container) }

    @Test func filesAndLinksThatStayInsideResolve() throws {
        defer { remove() }
        for path in [
            "campaigns/a.yaml", "campaigns/same.yaml", "campaigns/up-and-back.yaml", "campaigns/absolute-inside.yaml",
            "assets/sub-link/image.png", "./campaigns/a.yaml", "assets/../campaigns/a.yaml",
        ] {
            let location = try containment.file(path, limit: 100).get()
            #expect(location.kind == .regularFile, "\(path)")
            let expected = path.hasPrefix("assets/sub-link") ? "assets/sub/image.png" : "campaigns/a.yaml"
            #expect(location.resolved == expected, "\(path)")
        }
        #expect(try containment.file("campaigns/same.yaml", limit: 100).get().throughLink)
        #expect(try !containment.file("campaigns/a.yaml", limit: 100).get().throughLink)
        #expect(try containment.read("campaigns/same.yaml", limit: 100).get() == Data("campaign: a\n".utf8))
        #expect(try containment.folder("campaigns").get().resolved == "campaigns")
    }

    @Test func everyWayOutIsOutsideWhetherTheTargetExistsOrNot() {
        defer { remove() }
        let cases: [(String, WorkspaceContainment.Refusal)] = [
            ("campaigns/leak.yaml", .outside(throughLink: true)),
            ("campaigns/passwd.yaml", .outside(throughLink: true)),
            // Outside, nothing is looked at: a missing target answers the same as an existing one.
            ("campaigns/missing-outside.yaml", .outside(throughLink: true)),
            ("assets/out/secret.env", .outside(throughLink: true)),
            ("assets/out/nothing.env", .outside(throughLink: true)),
            ("../outside/secret.env", .outside(throughLink: false)),
            ("assets/../../outside/secret.env", .outside(throughLink: false)),
            ("/etc/passwd", .outside(throughLink: false)),
        ]
        for (path, refusal) in cases {
            #expect(containment.read(path, limit: 1_000).failure == refusal, "\(path)")
        }
        #expect(containment.folder("assets/out").failure == .outside(throughLink: true))
    }

    @Test func hiddenTargetsKindsLoopsAndSizesAreRefused() throws {
        defer { remove() }
        #expect(containment.read("campaigns/key.yaml", limit: 100).failure == .hidden(resolved: ".glocal/secret.key"))
        #expect(containment.read("assets/key.png", limit: 100).failure == .hidden(resolved: ".glocal/secret.key"))
        #expect(containment.read(".glocal/secret.key", limit: 100).failure == .hidden(resolved: ".glocal/secret.key"))
        #expect(containment.read("assets/cached.png", limit: 100).failure == .hidden(resolved: "assets/.cache"))
        #expect(containment.read("campaigns/pipe.yaml", limit: 100).failure == .wrongKind(.namedPipe))
        #expect(containment.read("campaigns", limit: 100).failure == .wrongKind(.folder))
        #expect(containment.folder("campaigns/a.yaml").failure == .wrongKind(.regularFile))
        #expect(containment.read("campaigns/missing-inside.yaml", limit: 100).failure == .missing(danglingLink: true))
        #expect(containment.read("campaigns/nothing.yaml", limit: 100).failure == .missing(danglingLink: false))
        #expect(containment.read("campaigns/a.yaml/x", limit: 100).failure == .missing(danglingLink: false))
        #expect(containment.read("", limit: 100).failure == .missing(danglingLink: false))
        #expect(containment.read("campaigns/loop-a.yaml", limit: 100).failure == .unreadable(reason: "a loop of symbolic links"))
        #expect(containment.read("campaigns/a.yaml", limit: 5).failure == .tooLarge(bytes: 12, limit: 5))
        #expect(try containment.read("campaigns/a.yaml", limit: 12).get().count == 12)
    }

    @Test func explanationsNameThePathAndNeverTheOutsideTarget() {
        defer { remove() }
        #expect(
            WorkspaceContainment.explanation(of: .outside(throughLink: true), for: "campaigns/leak.yaml")
                == "campaigns/leak.yaml leads outside the workspace through a symbolic link; it was not read")
        #expect(
            WorkspaceContainment.explanation(of: .wrongKind(.namedPipe), for: "campaigns/p.yaml")
                == "campaigns/p.yaml is a named pipe (FIFO), not a regular file; it was not read")
        #expect(
            WorkspaceContainment.explanation(of: .tooLarge(bytes: 17 * 1_048_576, limit: 16 * 1_048_576), for: "c.yaml")
                == "c.yaml is 17 MiB, over the limit of 16 MiB; it was not read")
        #expect(
            WorkspaceContainment.explanation(of: .tooLarge(bytes: 1_572_864, limit: 1_048_576), for: "c.yaml")
                == "c.yaml is 1.5 MiB, over the limit of 1.0 MiB; it was not read")
        // Just over: the rounded sizes would read "16 MiB, over the limit of 16 MiB".
        #expect(
            WorkspaceContainment.explanation(of: .tooLarge(bytes: 16_777_365, limit: 16 * 1_048_576), for: "c.yaml")
                == "c.yaml is 16777365 bytes, over the limit of 16777216 bytes (16 MiB); it was not read")
    }
}

extension Result {
    /// The error, or `nil` on success.
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
