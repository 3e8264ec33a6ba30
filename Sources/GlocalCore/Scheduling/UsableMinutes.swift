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
        // A sweep over the cuts in order of their start: what lies between them (inside the window) is usable.
        var runs: [Range<Int>] = []
        var cursor = window.lowerBound
        for cut in blocked.sorted(by: { $0.lowerBound < $1.lowerBound }) where !cut.isEmpty {
            if cut.lowerBound > cursor { runs.append(cursor..<Swift.min(cut.lowerBound, window.upperBound)) }
            cursor = Swift.max(cursor, cut.upperBound)
            if cursor >= window.upperBound { break }
        }
        if cursor < window.upperBound { runs.append(cursor..<window.upperBound) }
        self.init(runs: runs.filter { !$0.isEmpty })
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
            // The remaining-th minute of the run that is not on :00 or :30: skip as many as lie before it.
            var minute = run.lowerBound + remaining
            while true {
                let skipped = Self.ceilDiv(minute + 1, 30) - Self.ceilDiv(run.lowerBound, 30)
                let next = run.lowerBound + remaining + skipped
                if next == minute { break }
                minute = next
            }
            return Position(run: runIndex, minute: minute)
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
