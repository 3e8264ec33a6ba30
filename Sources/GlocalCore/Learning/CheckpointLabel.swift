import Foundation

/// How a reading's checkpoint (its time after publication) is written wherever `glocal collect-metrics` names it:
/// `+30m`, `+1h`, `+1h30m`, `+24h`, `+7d`, each exact and each a `--checkpoints` value. Under two days in hours
/// and minutes (so the day's reading is `+24h`, as it is written), from two days on in days, hours and minutes.
public struct CheckpointLabel: Sendable, Hashable, CustomStringConvertible {
    /// The checkpoint, in seconds after publication.
    public var seconds: Int

    /// The label of a checkpoint `seconds` after publication.
    public init(seconds: Int) { self.seconds = seconds }

    /// From this length on, a checkpoint is written in days first.
    public static let daysFrom = 2 * 86_400

    /// `+24h`, `+1h30m`, `+7d` …; `+0m` for zero.
    public var description: String {
        let value = max(0, seconds)
        guard value > 0 else { return "+0m" }
        let units = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)].filter { value >= Self.daysFrom || $0.0 != "d" }
        var rest = value
        var text = "+"
        for (unit, size) in units where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return text
    }
}
