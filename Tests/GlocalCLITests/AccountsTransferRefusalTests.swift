import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `glocal accounts import` over an accounts.yaml it cannot read, and `glocal accounts export` of one with errors, through
/// the real binary: refused with the loader's error and a non-zero exit, nothing written, nothing from outside shown.
@Suite struct AccountsTransferRefusalTests {
    /// A string that only the files outside the workspace (or hidden in it) hold: no output may contain it.
    static let secret = "SECRET_TOKEN_s14_b7f3"

    /// One new account, valid against the golden base workspace.
    static let csv = "id,network,handle,locale\nlum-fr-bluesky,bluesky,lumiere.bsky.social,fr-FR\n"

    static func glocal(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String, error: String) {
        try OperationsCommandTests.glocal(arguments, in: directory)
    }

    /// What is at a path, compared before and after a refused command.
    enum Entry: Equatable {
        case file(Data)
        case link(destination: String, target: Data?)
        case fifo
        case folder([String])
        case nothing
    }

    static func entry(at url: URL) throws -> Entry {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return .nothing }
        switch info.st_mode & S_IFMT {
        case S_IFLNK:
            return .link(
                destination: try FileManager.default.destinationOfSymbolicLink(atPath: url.path),
                target: FileManager.default.contents(atPath: url.resolvingSymlinksInPath().path))
        case S_IFIFO: return .fifo
        case S_IFDIR: return .folder(try FileManager.default.contentsOfDirectory(atPath: url.path).sorted())
        default: return .file(try Data(contentsOf: url))
        }
    }

    /// An accounts.yaml that is there but cannot be read, the loader's words for it.
    enum Unreadable: String, CaseIterable, CustomTestStringConvertible {
        case latin1, utf16, fifo, folder, linkOutside, linkToNothing, linkToHidden

        var testDescription: String { rawValue }

        var message: String {
            switch self {
            case .latin1, .utf16: return "error[file.unreadable]: accounts.yaml is not UTF-8 text"
            case .fifo: return "error[file.unreadable]: accounts.yaml is a named pipe (FIFO), not a regular file; it was not read"
            case .folder: return "error[file.unreadable]: accounts.yaml is a folder, not a regular file; it was not read"
            case .linkOutside:
                return
                    "error[file.unreadable]: accounts.yaml leads outside the workspace through a symbolic link; it was not read"
            case .linkToNothing:
                return
                    "error[file.unreadable]: accounts.yaml is a symbolic link to something that does not exist; it was not read"
            case .linkToHidden:
                return "error[file.unreadable]: accounts.yaml leads to '.private/accounts.yaml', which is hidden"
            }
        }

        /// Puts this kind of accounts.yaml in `workspace`.
        func make(in workspace: WorkspaceFixture) throws {
            let fm = FileManager.default
            let accounts = workspace.root.appendingPathComponent("accounts.yaml")
            let original = try String(contentsOf: accounts, encoding: .utf8)
            switch self {
            case .latin1:
                // One Latin-1 byte (é) in a city: validate says "not UTF-8 text".
                var bytes = Data(original.replacingOccurrences(of: "city: Paris", with: "city: Paris X").utf8)
                let index = try #require(bytes.firstIndex(of: UInt8(ascii: "X")))
                bytes[index] = 0xE9
                try bytes.write(to: accounts)
            case .utf16:
                // As a spreadsheet or Windows editor saves "Unicode text": UTF-16 LE with a byte order mark.
                try (Data([0xFF, 0xFE]) + (original.data(using: .utf16LittleEndian) ?? Data())).write(to: accounts)
            case .fifo:
                try fm.removeItem(at: accounts)
                #expect(mkfifo(accounts.path, 0o644) == 0)
            case .folder:
                try fm.removeItem(at: accounts)
                try fm.createDirectory(at: accounts, withIntermediateDirectories: false)
                try Data(original.utf8).write(to: accounts.appendingPathComponent("inside.yaml"))
            case .linkOutside:
                // A passwd-like file: before the fix, the YAML error quoted its line.
                let outside = workspace.container.appendingPathComponent("passwd")
                try Data("root:x:0:0:\(AccountsTransferRefusalTests.secret):/root:/bin/bash\n".utf8).write(to: outside)
                try fm.removeItem(at: accounts)
                try fm.createSymbolicLink(atPath: accounts.path, withDestinationPath: outside.path)
            case .linkToNothing:
                try fm.removeItem(at: accounts)
                try fm.createSymbolicLink(atPath: accounts.path, withDestinationPath: "shared/accounts.yaml")
            case .linkToHidden:
                let hidden = workspace.root.appendingPathComponent(".private")
                try fm.createDirectory(at: hidden, withIntermediateDirectories: false)
                let text = original.replacingOccurrences(
                    of: "handle: LumiereFR", with: "handle: \(AccountsTransferRefusalTests.secret)")
                try Data(text.utf8).write(to: hidden.appendingPathComponent("accounts.yaml"))
                try fm.removeItem(at: accounts)
                try fm.createSymbolicLink(atPath: accounts.path, withDestinationPath: ".private/accounts.yaml")
            }
        }
    }

    @Test(arguments: Unreadable.allCases)
    func importRefusesAnAccountsYAMLItCannotRead(_ kind: Unreadable) throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try kind.make(in: workspace)
        try Data(Self.csv.utf8).write(to: workspace.container.appendingPathComponent("new.csv"))
        let accounts = workspace.root.appendingPathComponent("accounts.yaml")
        let before = try Self.entry(at: accounts)
        let listing = try FileManager.default.contentsOfDirectory(atPath: workspace.root.path).sorted()
        for dryRun in [true, false] {
            let arguments = ["accounts", "import"] + (dryRun ? ["--dry-run"] : []) + ["../new.csv"]
            let (status, output, error) = try Self.glocal(arguments, in: workspace.root)
            #expect(status == 1, "\(kind) dry run \(dryRun): \(output)\(error)")
            #expect(output.contains(kind.message), "\(output)\(error)")
            #expect(output.contains("1 error: accounts.yaml was not changed"), "\(output)")
            #expect(!output.contains("added") && !output.contains("would change"))
            #expect(!(output + error).contains(Self.secret))
            #expect(try Self.entry(at: accounts) == before, "accounts.yaml changed (dry run \(dryRun))")
            #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.root.path).sorted() == listing)
        }
    }

    @Test func importCreatesAnAccountsYAMLThatIsNotThere() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let accounts = workspace.root.appendingPathComponent("accounts.yaml")
        try FileManager.default.removeItem(at: accounts)
        try Data(Self.csv.utf8).write(to: workspace.root.appendingPathComponent("new.csv"))
        let dry = try Self.glocal(["accounts", "import", "--dry-run", "new.csv"], in: workspace.root)
        #expect(dry.status == 0, "\(dry.output)\(dry.error)")
        #expect(dry.output.contains("accounts.yaml would change: 1 added"))
        #expect(try Self.entry(at: accounts) == .nothing)
        let (status, output, error) = try Self.glocal(["accounts", "import", "new.csv"], in: workspace.root)
        #expect(status == 0, "\(output)\(error)")
        #expect(output.contains("accounts.yaml changed: 1 added"))
        let written = try String(contentsOf: accounts, encoding: .utf8)
        #expect(written.contains("  - id: lum-fr-bluesky\n"))
        // The same CSV again: nothing would change, and the dry run says so.
        let again = try Self.glocal(["accounts", "import", "--dry-run", "new.csv"], in: workspace.root)
        #expect(again.output.contains("accounts.yaml would not change: 0 added, 0 updated, 1 already"), "\(again.output)")
    }

    /// The documented choice: a link that stays inside the workspace is written through, and stays a link.
    @Test func importWritesThroughALinkInsideTheWorkspace() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let fm = FileManager.default
        let accounts = workspace.root.appendingPathComponent("accounts.yaml")
        let shared = workspace.root.appendingPathComponent("shared/accounts.yaml")
        try fm.createDirectory(at: shared.deletingLastPathComponent(), withIntermediateDirectories: false)
        try fm.moveItem(at: accounts, to: shared)
        try fm.createSymbolicLink(atPath: accounts.path, withDestinationPath: "shared/accounts.yaml")
        let original = try String(contentsOf: shared, encoding: .utf8)
        try Data(Self.csv.utf8).write(to: workspace.root.appendingPathComponent("new.csv"))

        let dry = try Self.glocal(["accounts", "import", "--dry-run", "new.csv"], in: workspace.root)
        #expect(dry.status == 0, "\(dry.output)\(dry.error)")
        #expect(dry.output.contains("accounts.yaml would change: 1 added, 0 updated, 0 already"))
        #expect(try String(contentsOf: shared, encoding: .utf8) == original)

        let (status, output, error) = try Self.glocal(["accounts", "import", "new.csv"], in: workspace.root)
        #expect(status == 0, "\(output)\(error)")
        #expect(output.contains("accounts.yaml changed: 1 added"))
        #expect(try fm.destinationOfSymbolicLink(atPath: accounts.path) == "shared/accounts.yaml")
        let written = try String(contentsOf: shared, encoding: .utf8)
        #expect(written.hasPrefix(original))
        #expect(written.contains("  - id: lum-fr-bluesky\n"))
        #expect(try fm.contentsOfDirectory(atPath: shared.deletingLastPathComponent().path) == ["accounts.yaml"])
        let validate = try Self.glocal(["validate"], in: workspace.root)
        #expect(!validate.output.contains("accounts.yaml:"), "\(validate.output)")
    }

    /// An accounts.yaml that export cannot write in full.
    enum Unexportable: String, CaseIterable, CustomTestStringConvertible {
        case yamlError, unknownNetwork, linkOutside, missing

        var testDescription: String { rawValue }

        var message: String {
            switch self {
            case .yamlError: return "error[yaml.syntax]"
            case .unknownNetwork: return "error[network.unknown]: unknown network 'linkedn'"
            case .linkOutside:
                return
                    "error[file.unreadable]: accounts.yaml leads outside the workspace through a symbolic link; it was not read"
            case .missing: return "error[file.missing]: accounts.yaml is missing from the workspace"
            }
        }

        func make(in workspace: WorkspaceFixture) throws {
            let fm = FileManager.default
            let accounts = workspace.root.appendingPathComponent("accounts.yaml")
            let original = try String(contentsOf: accounts, encoding: .utf8)
            switch self {
            case .yamlError:
                try Data((original + "accounts: [\n").utf8).write(to: accounts)
            case .unknownNetwork:
                try Data(original.replacingOccurrences(of: "network: linkedin", with: "network: linkedn").utf8).write(
                    to: accounts)
            case .linkOutside:
                // A valid accounts file outside: before the fix, its secret handle was exported.
                let outside = workspace.container.appendingPathComponent("accounts.yaml")
                let text = original.replacingOccurrences(
                    of: "handle: LumiereFR", with: "handle: \(AccountsTransferRefusalTests.secret)")
                try Data(text.utf8).write(to: outside)
                try fm.removeItem(at: accounts)
                try fm.createSymbolicLink(atPath: accounts.path, withDestinationPath: outside.path)
            case .missing:
                try fm.removeItem(at: accounts)
            }
        }
    }

    @Test(arguments: Unexportable.allCases)
    func exportFailsWithoutACSVWhenItCannotWriteEveryAccount(_ kind: Unexportable) throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try kind.make(in: workspace)
        let (status, output, error) = try Self.glocal(["accounts", "export"], in: workspace.root)
        #expect(status == 1, "\(kind): \(output)\(error)")
        #expect(output.isEmpty, "no CSV, not even the header: \(output)")
        #expect(error.contains(kind.message), "\(error)")
        #expect(error.contains(/\d+ errors? in accounts\.yaml: nothing was exported/), "\(error)")
        #expect(!(output + error).contains(Self.secret))
        let file = workspace.container.appendingPathComponent("backup.csv")
        let written = try Self.glocal(["accounts", "export", "-o", file.path], in: workspace.root)
        #expect(written.status == 1)
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }
}
