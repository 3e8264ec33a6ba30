import Foundation
import GlocalTestSupport
import Testing

/// `validate` never passes having checked nothing: a campaigns/ or locales/ folder that cannot be listed is an error
/// naming the folder (without the follow-on "unknown locale" errors), and a file named in a subfolder of campaigns/,
/// which glocal does not read, is a usage error.
struct UnlistedCampaignsTests {
    /// Runs `glocal validate` in `workspace` as an unprivileged user (root lists any folder), or `nil` without
    /// `setpriv` when running as root.
    static func validateUnprivileged(in workspace: URL) throws -> (Int32, String)? {
        let setpriv = "/usr/bin/setpriv"
        guard getuid() != 0 || FileManager.default.isExecutableFile(atPath: setpriv) else { return nil }
        var command = [try GlocalProcess.executable().path, "validate"]
        if getuid() == 0 { command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] + command }
        let run = try ChildProcess.run(
            executable: command[0], arguments: Array(command.dropFirst()), directory: workspace.path,
            mergingErrorIntoOutput: true)
        return (run.status, run.output)
    }

    /// A copy of the golden base that another user may read, with `folder` made unlistable.
    static func workspace(withUnlistable folder: String) throws -> URL {
        let fm = FileManager.default
        let container = URL(fileURLWithPath: "/tmp/glocal-unlisted-\(UUID().uuidString)")
        try fm.copyItem(at: GoldenCorpusTests.fixtures.appendingPathComponent("base"), to: container)
        let all = fm.enumerator(atPath: container.path)?.compactMap { $0 as? String } ?? []
        for path in [""] + all {
            let url = path.isEmpty ? container : container.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: url.path, isDirectory: &isDirectory)
            try fm.setAttributes([.posixPermissions: isDirectory.boolValue ? 0o755 : 0o644], ofItemAtPath: url.path)
        }
        try fm.setAttributes([.posixPermissions: 0o311], ofItemAtPath: container.appendingPathComponent(folder).path)
        return container
    }

    @Test(arguments: ["campaigns", "locales"])
    func aFolderThatCannotBeListedIsAnErrorNotAPass(_ folder: String) throws {
        let workspace = try Self.workspace(withUnlistable: folder)
        defer {
            try? FileManager.default.setAttributes(
                [.posixPermissions: 0o755], ofItemAtPath: workspace.appendingPathComponent(folder).path)
            try? FileManager.default.removeItem(at: workspace)
        }
        let (status, output) = try #require(try Self.validateUnprivileged(in: workspace), "needs setpriv when run as root")
        #expect(status == 1, "\(output)")
        #expect(output.contains("\(folder):1:1: error[file.unreadable]: \(folder) cannot be read: its files cannot be listed"))
        // The cause alone: no locale is "unknown" and no default-locale file "missing" because the folder was not read.
        #expect(!output.contains("locale.unknown") && !output.contains("file.missing"), "\(output)")
        #expect(output.contains("1 error,"), "\(output)")
    }

    @Test func aFileInASubfolderOfCampaignsIsAUsageError() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let drafts = workspace.root.appendingPathComponent("campaigns/drafts")
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        try "campaign: [broken".write(to: drafts.appendingPathComponent("z.yaml"), atomically: true, encoding: .utf8)
        let (status, output, error) = try GlocalProcess.run(["validate", "campaigns/drafts/z.yaml"], in: workspace.root)
        #expect(status == 2)
        #expect(output.isEmpty)
        #expect(error.contains("campaigns/drafts/z.yaml is in a subfolder of campaigns/"), "\(error)")
    }
}
