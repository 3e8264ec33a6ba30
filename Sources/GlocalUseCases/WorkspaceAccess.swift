import Foundation
import GlocalCore
import GlocalDispatch
import GlocalPostgres
import GlocalStore
import GlocalYAML

/// The one way every command and the server open a workspace and its store: where they are, how the
/// workspace loads, how the store opens (and whether it must exist), and the sealed credentials.
/// Failures are `UseCaseError`s.
public struct WorkspaceAccess: Sendable {
    /// How a use case needs the store.
    public enum StoreNeed: Sendable {
        /// The store must exist: reading it, or acting on what `apply` wrote.
        case existing
        /// A missing store is created (`apply`, `serve`, `run`, connecting an account, adding a user).
        case createdIfMissing
        /// A missing store reads as an empty one and no file is created (planning before the first apply).
        case emptyIfMissing
    }

    /// The workspace directory (it holds glocal.yaml).
    public let root: URL
    /// The SQLite store's path.
    public let databasePath: String
    /// The process environment ($GLOCAL_SECRET_KEY, $USER).
    public let environment: [String: String]

    /// A workspace at `root` with its store at `databasePath`.
    public init(root: URL, databasePath: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.root = root
        self.databasePath = databasePath
        self.environment = environment
    }

    /// The workspace at `workspacePath` (default: `currentDirectory` or its nearest parent with a glocal.yaml)
    /// and its store: `database`, else `$GLOCAL_DATABASE_URL` or `$GLOCAL_DATABASE`, else
    /// .glocal/glocal.sqlite in the workspace. A `postgres://` URL names a PostgreSQL store.
    public init(
        workspacePath: String?, database: String?, currentDirectory: URL,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        let locator = WorkspaceLocator(currentDirectory: currentDirectory)
        guard let target = try locator.targets(for: workspacePath.map { [$0] } ?? []).first else {
            throw UseCaseError.outsideWorkspace(workspacePath ?? ".")
        }
        let path: String
        if let url = database ?? environment["GLOCAL_DATABASE_URL"], PostgresLocation.isPostgresURL(url) {
            path = url
        } else if let database {
            path = URL(fileURLWithPath: database).standardizedFileURL.path
        } else if let fromEnvironment = environment["GLOCAL_DATABASE"], !fromEnvironment.isEmpty {
            path = fromEnvironment
        } else {
            path = target.root.appendingPathComponent(".glocal/glocal.sqlite").path
        }
        self.init(root: target.root, databasePath: path, environment: environment)
    }

    /// Whether the store's file exists.
    public var storeExists: Bool { FileManager.default.fileExists(atPath: databasePath) }

    /// The workspace, loaded but not validated (teams, accounts and policies are enough for most use cases).
    public func loadWorkspace() throws -> Workspace {
        guard let workspace = WorkspaceLoader(root: root).load().workspace else {
            throw UseCaseError.workspaceUnreadable(root: root.path)
        }
        return workspace
    }

    /// The workspace if it loads; `nil` otherwise (a report of the store can do without it).
    public func workspaceIfReadable() -> Workspace? { WorkspaceLoader(root: root).load().workspace }

    /// The store, opened (and migrated) as `need` says.
    public func openStore(_ need: StoreNeed) throws -> SQLiteVariantStore {
        if let postgres = postgresLocation {
            throw UseCaseError.storeUnopenable(
                path: postgres.description,
                StoreFailure(kind: .refused, description: PostgresSupport.sqliteOnly))
        }
        if need == .existing, !storeExists { throw UseCaseError.noStore(path: databasePath) }
        do {
            if need == .emptyIfMissing, !storeExists { return try SQLiteVariantStore.inMemory() }
            return try SQLiteVariantStore(path: databasePath)
        } catch {
            throw UseCaseError.storeUnopenable(path: databasePath, StoreFailure(error))
        }
    }

    /// The accounts' credentials in `store`, sealed with the key of `$GLOCAL_SECRET_KEY` or the key file beside the store.
    public func secrets(in store: any WorkspaceStore) throws -> any CredentialVault {
        store.accountSecrets(key: try SecretKey.load(forStoreAt: databasePath, environment: environment))
    }

    /// The credentials the dispatcher and the metrics collector read from `store`.
    public func credentials(in store: any WorkspaceStore) throws -> StoredCredentials {
        StoredCredentials(secrets: try secrets(in: store))
    }
}
