import Foundation

/// The stored variants and the store's generation, read in one transaction: what a plan is diffed
/// against, and the mark `apply` checks to know the store has not changed since.
public struct StoreSnapshot: Sendable {
    /// Every stored variant, sorted by id.
    public var variants: [StoredVariant]
    /// The store's generation when they were read.
    public var generation: StoreGeneration

    /// The variants read and the generation they were read at.
    public init(variants: [StoredVariant], generation: StoreGeneration) {
        self.variants = variants
        self.generation = generation
    }
}

/// A point in the store's history: the id of the newest audit event (0 for none).
///
/// Every write to a variant appends an audit event in the same transaction, and the log is
/// append-only, so an unchanged generation means unchanged variants.
public struct StoreGeneration: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// The newest audit event's id.
    public var lastEventID: Int64

    /// The generation after the event numbered `lastEventID`.
    public init(lastEventID: Int64) { self.lastEventID = lastEventID }

    /// Orders generations by their event ids.
    public static func < (lhs: StoreGeneration, rhs: StoreGeneration) -> Bool { lhs.lastEventID < rhs.lastEventID }

    /// `generation N`.
    public var description: String { "generation \(lastEventID)" }
}
