/// One column a store move copies: its name (the same in both schemas) and what it holds.
public struct StoreCopyColumn: Sendable, Equatable {
    /// The column's name.
    public var name: String
    /// What it holds.
    public var kind: StoreColumnKind

    /// A column named `name` holding `kind`.
    public init(_ name: String, _ kind: StoreColumnKind) {
        self.name = name
        self.kind = kind
    }
}
