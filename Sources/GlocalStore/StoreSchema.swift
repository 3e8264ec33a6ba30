/// The store's schema as other modules need to know it (restoring a backup checks it).
public enum StoreSchema {
    /// The identifiers of every migration this glocal knows, oldest first (GRDB keeps the applied ones in
    /// `grdb_migrations`).
    public static var migrationIdentifiers: [String] { StoreMigrations.all.map { $0.identifier } }
}
