/// One table a store move copies: its name on each side, its columns, its primary key (the order rows
/// are copied and checksummed in) and what it depends on.
public struct StoreCopyTable: Sendable, Equatable {
    /// The SQLite table.
    public var sqliteName: String
    /// The PostgreSQL table (`user` is a reserved word there: `app_user`).
    public var postgresName: String
    /// Every column of the SQLite table, in the order of a row's canonical text.
    public var columns: [StoreCopyColumn]
    /// The primary key's columns: rows are read in this order on both sides.
    public var primaryKey: [String]
    /// The SQLite tables its foreign keys reference: they are copied before it.
    public var references: [String]
    /// Whether PostgreSQL generates its `id` (an identity column): ids are kept (`OVERRIDING SYSTEM VALUE`)
    /// and its sequence is set past the largest one copied.
    public var generatedID: Bool

    /// A table copied under the same name on both sides unless `postgresName` says otherwise.
    public init(
        _ sqliteName: String, postgresName: String? = nil, columns: [StoreCopyColumn], primaryKey: [String],
        references: [String] = [], generatedID: Bool = false
    ) {
        self.sqliteName = sqliteName
        self.postgresName = postgresName ?? sqliteName
        self.columns = columns
        self.primaryKey = primaryKey
        self.references = references
        self.generatedID = generatedID
    }

    /// The column named `name`, if the table has it.
    public func column(_ name: String) -> StoreCopyColumn? { columns.first { $0.name == name } }
}
