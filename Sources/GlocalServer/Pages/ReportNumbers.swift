import Foundation
import GlocalCore

/// How the report writes numbers for people: `12,345`, `4.2 %`, `+120 (+10.8 %)`, `n/a`.
enum ReportNumbers {
    /// An integer with thousands separators.
    static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "−" : "") + groups.joined(separator: ",")
    }

    /// A share as a percentage with one decimal, or `n/a`.
    static func percent(_ share: Double?) -> String {
        guard let share else { return "n/a" }
        return String(format: "%.1f %%", share * 100)
    }

    /// A count's change: `+120 (+10.8 %)`, `−3 (−20.0 %)`, `±0 (0.0 %)`, `+5 (new)` or `n/a`.
    static func countDelta(_ delta: ReportDelta) -> String {
        guard let difference = delta.difference else { return "n/a" }
        let rounded = Int(difference.rounded())
        let sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "±"
        let percent = delta.percent.map { signed($0, decimals: 1) + " %" } ?? "new"
        return "\(sign)\(count(abs(rounded))) (\(percent))"
    }

    /// A share's change in percentage points: `+1.2 pts`, or `n/a`.
    static func pointsDelta(_ delta: ReportDelta) -> String {
        guard let difference = delta.difference else { return "n/a" }
        return signed(difference * 100, decimals: 1) + " pts"
    }

    /// `+1.2`, `−0.4`, `0.0`.
    static func signed(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", abs(value))
        if Double(text) == 0 { return text }
        return (value > 0 ? "+" : "−") + text
    }

    /// The direction of a change, for its CSS class and its word: `up`, `down`, `flat` or `na`.
    static func direction(_ delta: ReportDelta) -> String {
        guard let difference = delta.difference else { return "na" }
        return abs(difference) < 1e-9 ? "flat" : difference > 0 ? "up" : "down"
    }
}
