import Foundation

/// A variant with the instant chosen for it, and why.
public struct ScheduledVariant: Sendable {
    /// The variant.
    public var variant: PostVariant
    /// When it goes out; `nil` for a live post, which goes as soon as it is approved.
    public var slot: LocalInstant?
    /// Every rule and estimate that shaped the choice, in order.
    public var explanation: [ScheduleReason]

    /// Creates a scheduled variant.
    public init(variant: PostVariant, slot: LocalInstant?, explanation: [ScheduleReason]) {
        self.variant = variant
        self.slot = slot
        self.explanation = explanation
    }
}

/// One step of the scheduler's reasoning, shown by `glocal explain`.
public struct ScheduleReason: Sendable, Hashable, Codable {
    /// The rule: `day`, `window`, `quiet-hours`, `holiday`, `min-gap`, `daily-cap`, `weekly-cap`,
    /// `fleet-limit`, `network-spacing`, `sequence`, `stagger`, `explicit-time`, `live`, `dst`, `kept`.
    public var rule: String
    /// What it did, in a sentence.
    public var detail: String

    /// Creates a reason.
    public init(_ rule: String, _ detail: String) {
        self.rule = rule
        self.detail = detail
    }
}
