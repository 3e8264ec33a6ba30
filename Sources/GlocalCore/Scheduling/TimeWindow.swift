/// A span of local time on some weekdays, such as "Tue–Thu 09:00–15:00".
public struct TimeWindow: Sendable, Hashable, CustomStringConvertible {
    /// ISO weekdays the window applies to: 1 = Monday … 7 = Sunday.
    public let weekdays: Set<Int>
    /// Start, inclusive.
    public let start: LocalTime
    /// End, exclusive; after `start` (windows do not wrap midnight).
    public let end: LocalTime

    /// Creates a window.
    public init(weekdays: Set<Int>, start: LocalTime, end: LocalTime) {
        self.weekdays = weekdays
        self.start = start
        self.end = end
        label = makeLabel()
    }

    /// Parses `Mon-Fri 09:00-13:00`, `Sat,Sun 10:00-12:00` or `daily 05:00-08:00`.
    public init?(text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else { return nil }
        guard let days = TimeWindow.weekdays(String(parts[0])) else { return nil }
        let times = parts[1].split(separator: "-").map(String.init)
        guard times.count == 2, let start = LocalTime(text: times[0]),
            let end = times[1] == "24:00" ? LocalTime(hour: 23, minute: 59) : LocalTime(text: times[1]), start < end
        else { return nil }
        self.init(weekdays: days, start: start, end: end)
    }

    static let dayNames = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7]

    static func weekdays(_ text: String) -> Set<Int>? {
        let lowered = text.lowercased()
        if lowered == "daily" { return Set(1...7) }
        var result = Set<Int>()
        for item in lowered.split(separator: ",") {
            let range = item.split(separator: "-").map(String.init)
            guard let first = range.first.flatMap({ dayNames[$0] }) else { return nil }
            if range.count == 2 {
                guard let last = dayNames[range[1]], first <= last else { return nil }
                result.formUnion(first...last)
            } else if range.count == 1 {
                result.insert(first)
            } else {
                return nil
            }
        }
        return result.isEmpty ? nil : result
    }

    /// `Mon-Fri 09:00-13:00`.
    public var description: String { label }

    /// The description, computed once: explanations quote it for every variant.
    private var label: String = ""

    private func makeLabel() -> String {
        let names = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let sorted = weekdays.sorted()
        let days: String
        if sorted == Array(1...7) {
            days = "daily"
        } else if let first = sorted.first, let last = sorted.last, sorted == Array(first...last), sorted.count > 2 {
            days = "\(names[first])-\(names[last])"
        } else {
            days = sorted.map { names[$0] }.joined(separator: ",")
        }
        return "\(days) \(start)-\(end)"
    }

    /// Whether `time` on ISO `weekday` falls inside the window.
    public func contains(weekday: Int, time: LocalTime) -> Bool {
        weekdays.contains(weekday) && time >= start && time < end
    }
}
