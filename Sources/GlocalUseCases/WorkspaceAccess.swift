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
    /// The SQLite store's path, or the PostgreSQL store's `postgres://` URL (never print it: `storeDescription`).
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
        try self.init(
            workspacePath: workspacePath, store: StoreSelection(database: database, environment: environment),
            currentDirectory: currentDirectory, environment: environment)
    }

    /// The workspace at `workspacePath` (default: `currentDirectory` or its nearest parent with a glocal.yaml) and the
    /// store `store` chooses; a name it refuses is `UseCaseError.storeRefused`.
    public init(
        workspacePath: String?, store: StoreSelection, currentDirectory: URL,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        let locator = WorkspaceLocator(currentDirectory: currentDirectory)
        guard let target = try locator.targets(for: workspacePath.map { [$0] } ?? []).first else {
            throw UseCaseError.outsideWorkspace(workspacePath ?? ".")
        }
        let choice: StoreSelection.Choice
        do { choice = try store.choice() } catch let refusal as StoreSelection.Refusal {
            throw UseCaseError.storeRefused(refusal)
        }
        let path: String
        switch (choice.named, choice.postgres) {
        case (let named?, .some): path = named.text
        // GLOCAL_DATABASE is taken as it is written; a flag's or the file's path is made absolute.
        case (let named?, nil) where named.source == .environment("GLOCAL_DATABASE"): path = named.text
        case (let named?, nil): path = URL(fileURLWithPath: named.text).standardizedFileURL.path
        case (nil, _): path = target.root.appendingPathComponent(".glocal/glocal.sqlite").path
        }
        self.init(root: target.root, databasePath: path, environment: environment)
    }

    /// Whether the store's file exists (a PostgreSQL store is there once its server answers: `true`).
    public var storeExists: Bool {
        PostgresLocation.isPostgresURL(databasePath) || FileManager.default.fileExists(atPath: databasePath)
    }

    /// The store for messages: the file's path, or the PostgreSQL URL without its password.
    public var storeDescription: String {
        guard PostgresLocation.isPostgresURL(databasePath) else { return databasePath }
        return postgresLocation?.description ?? "postgres://…"
    }

    /// The workspace, loaded but not validated (teams, accounts and policies are enough for most use cases).
    public func loadWorkspace() throws -> Workspace {
        guard let workspace = WorkspaceLoader(root: root).load().workspace else {
            throw UseCaseError.workspaceUnreadable(root: root.path)
        }
        return workspace
    }

    /// The workspace if it loads; `nil` otherwise (a report of the store can do without it).
    public func workspaceIfReadable() -> Workspace? { WorkspaceLoader(root: root).load().workspace }

    /// The store, opened (and migrated) as `need` says, on SQLite or PostgreSQL: every command and the server
    /// open it here. A PostgreSQL store is opened (its schema created) whatever `need` says; `nodeID` is recorded
    /// with the dispatcher's audit events.
    public func openStore(_ need: StoreNeed, nodeID: String? = nil) throws -> any WorkspaceStore {
        if PostgresLocation.isPostgresURL(databasePath) {
            do { return try Self.postgresStoreLocation(databasePath).open(nodeID: nodeID) } catch {
                throw UseCaseError.storeUnopenable(path: storeDescription, StoreFailure(error))
            }
        }
        if need == .existing, !storeExists { throw UseCaseError.noStore(path: databasePath) }
        let location: StoreLocation = need == .emptyIfMissing && !storeExists ? .sqliteMemory : .sqliteFile(databasePath)
        do { return try location.open(nodeID: nodeID) } catch {
            throw UseCaseError.storeUnopenable(path: databasePath, StoreFailure(error))
        }
    }

    private static func postgresStoreLocation(_ url: String) throws -> StoreLocation {
        do { return .postgres(try PostgresLocation(url: url)) } catch {
            throw StoreFailure(kind: .refused, description: String(describing: error))
        }
    }

    /// The key that seals the accounts' credentials: `$GLOCAL_SECRET_KEY`, else the key file beside the SQLite
    /// store, or .glocal/secret.key in the workspace for a PostgreSQL store (every node needs the same key).
    public func secretKey() throws -> SecretKey {
        guard PostgresLocation.isPostgresURL(databasePath) else {
            return try SecretKey.load(forStoreAt: databasePath, environment: environment)
        }
        return try SecretKey.load(environment: environment, file: root.appendingPathComponent(".glocal/secret.key"))
    }

    /// The accounts' credentials in `store`, sealed with `secretKey()`.
    public func secrets(in store: any WorkspaceStore) throws -> any CredentialVault {
        store.accountSecrets(key: try secretKey())
    }

    /// The credentials the dispatcher and the metrics collector read from `store`.
    public func credentials(in store: any WorkspaceStore) throws -> StoredCredentials {
        StoredCredentials(secrets: try secrets(in: store))
    }
}
