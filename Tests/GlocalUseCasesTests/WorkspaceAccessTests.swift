import Foundation
import GlocalStore
import GlocalUseCases
import Testing

/// Finding a workspace and its store, and opening them, with one error vocabulary.
struct WorkspaceAccessTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-access-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func theStoreIsTheOptionThenTheEnvironmentThenTheWorkspacesOwn() throws {
        let root = Self.repositoryRoot.path
        let named = try WorkspaceAccess(
            workspacePath: root, database: "/tmp/a/../named.sqlite", currentDirectory: Self.repositoryRoot,
            environment: ["GLOCAL_DATABASE": "/tmp/env.sqlite"])
        #expect(named.databasePath == "/tmp/named.sqlite")
        let fromEnvironment = try WorkspaceAccess(
            workspacePath: root, database: nil, currentDirectory: Self.repositoryRoot,
            environment: ["GLOCAL_DATABASE": "/tmp/env.sqlite"])
        #expect(fromEnvironment.databasePath == "/tmp/env.sqlite")
        let own = try WorkspaceAccess(
            workspacePath: nil, database: nil, currentDirectory: Self.repositoryRoot.appendingPathComponent("campaigns"),
            environment: ["GLOCAL_DATABASE": ""])
        #expect(own.root.standardizedFileURL.path == Self.repositoryRoot.standardizedFileURL.path)
        #expect(own.databasePath.hasSuffix("/.glocal/glocal.sqlite"))
    }

    @Test func aDirectoryOutsideAnyWorkspaceIsNamedInTheError() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: UseCaseError.outsideWorkspace(directory.path)) {
            try WorkspaceAccess(workspacePath: directory.path, database: nil, currentDirectory: directory, environment: [:])
        }
    }

    @Test func aWorkspaceThatDoesNotLoadIsOneError() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("workspace: [unclosed\n".utf8).write(to: directory.appendingPathComponent("glocal.yaml"))
        let access = WorkspaceAccess(root: directory, databasePath: directory.appendingPathComponent("s.sqlite").path)
        #expect(throws: UseCaseError.workspaceUnreadable(root: directory.path)) { try access.loadWorkspace() }
        #expect(access.workspaceIfReadable() == nil)
    }

    @Test func eachNeedOpensAMissingStoreItsOwnWay() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("nested/glocal.sqlite").path
        let access = WorkspaceAccess(root: Self.repositoryRoot, databasePath: path, environment: [:])
        #expect(throws: UseCaseError.noStore(path: path)) { try access.openStore(.existing) }
        #expect(try access.openStore(.emptyIfMissing).allVariants().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
        _ = try access.openStore(.createdIfMissing)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try access.openStore(.existing).allVariants().isEmpty)
    }

    @Test func aFileThatIsNotADatabaseIsRefusedWithSQLitesReasonOnly() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("glocal.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let access = WorkspaceAccess(root: Self.repositoryRoot, databasePath: path, environment: [:])
        do {
            _ = try access.openStore(.existing)
            Issue.record("a file of 'A's opened as a store")
        } catch let error as UseCaseError {
            guard case .storeUnopenable(let named, let failure) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(named == path)
            #expect(failure.kind == .notADatabase)
            #expect(error.description == "cannot open the store \(path): SQLite error 26: file is not a database")
        }
    }
}
