import Foundation

/// What `sync` changed.
public struct QueueSyncReport: Sendable, Equatable {
    /// Approved variants that got a job (and became `scheduled`).
    public var enqueued = 0
    /// Jobs withdrawn because their variant left `scheduled` (edited, cancelled…).
    public var withdrawn = 0
    /// Jobs whose slot moved with their variant's.
    public var moved = 0
    /// Variants whose slot passed more than the grace period ago without going out: `missed`.
    public var missed = 0

    /// Nothing changed.
    public init(enqueued: Int = 0, withdrawn: Int = 0, moved: Int = 0, missed: Int = 0) {
        self.enqueued = enqueued
        self.withdrawn = withdrawn
        self.moved = moved
        self.missed = missed
    }
}
