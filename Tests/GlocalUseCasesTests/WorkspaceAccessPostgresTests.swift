import Foundation
import GlocalStore
import GlocalUseCases
import Testing

/// A `postgres://` URL names a PostgreSQL store; SQLite stays the default.
struct WorkspaceAccessPostgresTests {
    static let root = WorkspaceAccessTests.repositoryRoot

    @Test func aPostgresURLFromTheOptionOrTheEnvironmentNamesAPostgreSQLStore() throws {
        let url = "postgres://glocal:s3cret@db.example:5432/glocal"
        let named = try WorkspaceAccess(
            workspacePath: Self.root.path, database: url, currentDirectory: Self.root, environment: [:])
        #expect(named.databasePath == url)
        #expect(named.postgresLocation?.host == "db.example")
        let fromEnvironment = try WorkspaceAccess(
            workspacePath: Self.root.path, database: nil, currentDirectory: Self.root,
            environment: ["GLOCAL_DATABASE_URL": url, "GLOCAL_DATABASE": "/tmp/env.sqlite"])
        #expect(fromEnvironment.postgresLocation?.database == "glocal")
        let sqlite = try WorkspaceAccess(
            workspacePath: Self.root.path, database: nil, currentDirectory: Self.root,
            environment: ["GLOCAL_DATABASE": "/tmp/env.sqlite"])
        #expect(sqlite.postgresLocation == nil && sqlite.databasePath == "/tmp/env.sqlite")
    }

    @Test func aPostgreSQLServerThatDoesNotAnswerIsNamedWithoutThePassword() throws {
        // Port 1 on the loopback: nothing listens, the connection is refused at once.
        let access = try WorkspaceAccess(
            workspacePath: Self.root.path, database: "postgres://glocal:s3cret@127.0.0.1:1/glocal", currentDirectory: Self.root,
            environment: [:])
        do {
            _ = try access.openStore(.existing)
            Issue.record("a PostgreSQL server that does not listen opened")
        } catch let error as UseCaseError {
            guard case .storeUnopenable(let path, let failure) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path == "postgres://glocal@127.0.0.1:1/glocal")
            #expect(failure.kind == .unavailable)
            #expect(!String(describing: error).contains("s3cret"))
        }
    }

    @Test func aPostgreSQLStoreIsDescribedWithoutItsPasswordEvenWhenItsURLIsBroken() throws {
        let valid = WorkspaceAccess(root: Self.root, databasePath: "postgres://glocal:s3cret@db.example/glocal?schema=eu")
        #expect(valid.storeDescription == "postgres://glocal@db.example:5432/glocal?schema=eu")
        let broken = WorkspaceAccess(root: Self.root, databasePath: "postgres://glocal:s3cret@db.example")
        #expect(broken.storeDescription == "postgres://…")
        do {
            _ = try broken.openStore(.existing)
            Issue.record("a URL without a database opened a store")
        } catch {
            #expect(String(describing: error).contains("is not a PostgreSQL URL"))
            #expect(!String(describing: error).contains("s3cret"))
        }
        #expect(WorkspaceAccess(root: Self.root, databasePath: "/tmp/x.sqlite").storeDescription == "/tmp/x.sqlite")
        let postgres = try StoreLocation(database: "postgresql://a:pw@h/d")
        #expect(postgres.description == "postgres://a@h:5432/d")
        guard case .postgres = postgres else {
            Issue.record("\(postgres) is not PostgreSQL")
            return
        }
        #expect(try StoreLocation(database: "/tmp/x.sqlite") == .sqliteFile("/tmp/x.sqlite"))
    }

    @Test func backupAndRestoreRefuseAPostgreSQLStoreAndPointToItsOwnTools() throws {
        let backup = StoreBackup(databasePath: "postgres://glocal:s3cret@db.example/glocal")
        for attempt in [
            { _ = try backup.backup(to: "/tmp/never.sqlite") }, { _ = try backup.restore(from: "/tmp/never.sqlite") },
        ] {
            do {
                try attempt()
                Issue.record("a PostgreSQL store was backed up or restored as a SQLite file")
            } catch let error as StoreBackupError {
                #expect(
                    error.message.contains("postgres://glocal@db.example:5432/glocal is PostgreSQL: use pg_dump and pg_restore"))
                #expect(!error.message.contains("s3cret"))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.sqlite"))
    }

    @Test func everyNodeOfAPostgreSQLStoreSealsWithTheSharedKeyOrTheWorkspacesKeyFile() throws {
        let root = try WorkspaceAccessTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let url = "postgres://glocal@db.example/glocal"
        let shared = Data(repeating: 3, count: 32)
        let fromEnvironment = WorkspaceAccess(
            root: root, databasePath: url, environment: ["GLOCAL_SECRET_KEY": shared.base64EncodedString()])
        let sealed = try fromEnvironment.secretKey().seal(Data("token".utf8), context: "acct")
        #expect(try SecretKey(bytes: shared).open(sealed, context: "acct") == Data("token".utf8))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".glocal/secret.key").path))
        let fromFile = WorkspaceAccess(root: root, databasePath: url, environment: [:])
        let again = try fromFile.secretKey().seal(Data("token".utf8), context: "acct")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".glocal/secret.key").path))
        #expect(try fromFile.secretKey().open(again, context: "acct") == Data("token".utf8))
        #expect((try? SecretKey(bytes: shared).open(again, context: "acct")) == nil)
    }

    @Test func configCheckShowsAPostgreSQLDatabaseWithoutItsPassword() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let loaded = try ServiceConfigurationLoader(
            explicitPath: nil, currentDirectory: directory,
            flags: ["database": "postgres://glocal:s3cret@db.example/glocal"], environment: [:]
        ).load()
        let text = loaded.checkText(environment: [:])
        #expect(text.contains("postgres://glocal@db.example:5432/glocal"))
        #expect(!text.contains("s3cret"))
    }

    /// The check says where the key really is: `.glocal/secret.key` in the workspace for a PostgreSQL store, as
    /// `secretKey()` reads it (it said "secret.key beside the store", and a PostgreSQL store has no "beside").
    @Test func configCheckSaysWhereTheSecretKeyOfEachKindOfStoreIs() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func keyRow(database: String?, environment: [String: String] = [:]) throws -> String {
            let loaded = try ServiceConfigurationLoader(
                explicitPath: nil, currentDirectory: directory, flags: database.map { ["database": $0] } ?? [:],
                environment: environment
            ).load()
            let row = loaded.checkText(environment: environment).split(separator: "\n").first { $0.contains("secret key from") }
            return row.map {
                String($0).replacingOccurrences(of: #"^ *secret key from +"#, with: "", options: .regularExpression)
            }
                ?? ""
        }
        #expect(
            try keyRow(database: "postgres://glocal:s3cret@db.example/glocal")
                == ".glocal/secret.key in the workspace (PostgreSQL: every node needs the same key)")
        #expect(
            try keyRow(database: nil, environment: ["GLOCAL_DATABASE_URL": "postgres://glocal@db.example/glocal"])
                == ".glocal/secret.key in the workspace (PostgreSQL: every node needs the same key)")
        #expect(
            try keyRow(database: "/var/lib/glocal/glocal.sqlite") == "secret.key beside the store (/var/lib/glocal/secret.key)")
        #expect(try keyRow(database: nil) == ".glocal/secret.key in the workspace (beside the store)")
        #expect(try keyRow(database: nil, environment: ["GLOCAL_SECRET_KEY": "x"]) == "GLOCAL_SECRET_KEY (set, value hidden)")
    }
}
