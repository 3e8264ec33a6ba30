/// The minutes of one window on one day that a variant may use at all, once quiet hours, the past,
/// the account's own gaps and its sequencing are cut out: runs of minutes of the day, and in them the
/// candidates (never on :00 or :30, when everyone posts). The stagger spreads over these, so a window
/// half cut by quiet hours does not collapse every account onto its first allowed minute.
public struct UsableMinutes: Sendable, Hashable {
    /// Runs of usable minutes of the day, in order, not overlapping.
    public let runs: [Range<Int>]
    /// How many candidate minutes the runs hold.
    public let count: Int

    /// `window` (minutes of the day) without every range of `blocked`.
    public init(window: Range<Int>, blocked: [Range<Int>]) {
        var runs: [Range<Int>] = window.isEmpty ? [] : [window]
        for cut in blocked where !cut.isEmpty {
            runs = runs.flatMap { run -> [Range<Int>] in
                guard cut.overlaps(run) else { return [run] }
                let left = run.lowerBound..<Swift.max(run.lowerBound, Swift.min(cut.lowerBound, run.upperBound))
                let right = Swift.min(run.upperBound, Swift.max(cut.upperBound, run.lowerBound))..<run.upperBound
                return [left, right].filter { !$0.isEmpty }
            }
        }
        self.init(runs: runs)
    }

    /// Runs given as they are (sorted, not overlapping).
    public init(runs: [Range<Int>]) {
        self.runs = runs
        count = runs.reduce(0) { $0 + $1.count - (Self.ceilDiv($1.upperBound, 30) - Self.ceilDiv($1.lowerBound, 30)) }
    }

    /// A position among the candidates: the run and the minute.
    public struct Position: Sendable, Hashable {
        /// Index into `runs`.
        public var run: Int
        /// Minute of the day.
        public var minute: Int
    }

    /// The candidate at `index` (0 ..< count).
    public func position(at index: Int) -> Position? {
        guard index >= 0, index < count else { return nil }
        var remaining = index
        for (runIndex, run) in runs.enumerated() {
            let inRun = run.count - (Self.ceilDiv(run.upperBound, 30) - Self.ceilDiv(run.lowerBound, 30))
            if remaining >= inRun {
                remaining -= inRun
                continue
            }
            var minute = run.lowerBound
            while true {
                if minute % 30 != 0 {
                    if remaining == 0 { return Position(run: runIndex, minute: minute) }
                    remaining -= 1
                }
                minute += 1
            }
        }
        return nil
    }

    /// The candidate after `position`, wrapping from the last to the first.
    public func next(after position: Position) -> Position? {
        guard count > 0 else { return nil }
        var run = position.run, minute = position.minute + 1
        while true {
            if minute >= runs[run].upperBound {
                run = (run + 1) % runs.count
                minute = runs[run].lowerBound
            }
            if minute % 30 != 0 { return Position(run: run, minute: minute) }
            minute += 1
        }
    }

    private static func ceilDiv(_ value: Int, _ divisor: Int) -> Int { (value + divisor - 1) / divisor }
}
