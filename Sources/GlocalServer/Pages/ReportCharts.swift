import Foundation
import GlocalCore

/// The report's charts as inline SVG drawn on the server (no script, no CDN): each has a `<title>`
/// and a `<desc>` that says what it shows in words, and a link to the same numbers as a table.
enum ReportCharts {
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    /// Bars shown per chart; the rest are in the data table.
    static let maximumBars = 10

    /// Horizontal bars of engagement per slice (network, locale or team), most first.
    static func bars(id: String, title: String, slices: [ReportBreakdown], tableLink: String) -> HTML {
        let shown = Array(slices.prefix(maximumBars))
        let caption: HTML = "<figcaption id=\"\(id)-caption\"><h3>\(title)</h3></figcaption>"
        let link: HTML = "<p class=\"chart-table\"><a href=\"\(tableLink)#\(id)\">Data table: \(title.lowercased())</a></p>"
        guard !shown.isEmpty else {
            return
                "<figure class=\"chart\" id=\"chart-\(id)\">\(caption)<p class=\"none\">No post went out in this period.</p></figure>"
        }
        let row = 24, labelWidth = 118, barWidth = 230, width = 480
        let height = shown.count * row + 6
        let best = max(shown.map(\.engagement).max() ?? 1, 1)
        let words = shown.map { "\($0.key): \(ReportNumbers.count($0.engagement)) interactions from \(posts($0.published))" }
        let more = slices.count > shown.count ? " (\(slices.count - shown.count) more in the data table)" : ""
        var marks: [HTML] = []
        for (index, slice) in shown.enumerated() {
            let y = index * row + 3
            let length = max(Int((Double(slice.engagement) / Double(best) * Double(barWidth)).rounded()), 1)
            let value = "\(ReportNumbers.count(slice.engagement)) · \(posts(slice.published))"
            marks.append(
                """
                <text x="\(labelWidth - 6)" y="\(y + 16)" text-anchor="end" class="chart-label">\(String(slice.key.prefix(18)))</text>\
                <rect x="\(labelWidth)" y="\(y + 3)" width="\(length)" height="\(row - 7)" class="chart-bar"/>\
                <text x="\(labelWidth + length + 5)" y="\(y + 16)" class="chart-value">\(value)</text>

                """)
        }
        return """
            <figure class="chart" id="chart-\(id)">\(caption)
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" role="img" \
            aria-labelledby="\(id)-title \(id)-desc" preserveAspectRatio="xMinYMin meet">
            <title id="\(id)-title">\(title)</title>
            <desc id="\(id)-desc">\(words.joined(separator: "; "))\(more).</desc>
            \(marks)</svg>
            \(link)</figure>
            """
    }

    /// A 7 × 24 grid of mean interactions per post at each local weekday and hour; darker is more.
    static func heatmap(_ cells: [ReportHeatCell], tableLink: String) -> HTML {
        let title = "Engagement by weekday and hour"
        let caption: HTML = "<figcaption id=\"heatmap-caption\"><h3>\(title)</h3></figcaption>"
        guard !cells.isEmpty else {
            return
                "<figure class=\"chart\" id=\"chart-heatmap\">\(caption)<p class=\"none\">No measured post in this period.</p></figure>"
        }
        let size = 24, left = 40, top = 18
        let best = max(cells.map(\.meanEngagement).max() ?? 1, 1e-9)
        let ranked = cells.sorted { ($1.meanEngagement, $0.weekday, $0.hour) < ($0.meanEngagement, $1.weekday, $1.hour) }
        let words = ranked.prefix(3).map {
            "\(weekdays[$0.weekday - 1]) \($0.hour):00 (\(ReportNumbers.count(Int($0.meanEngagement.rounded()))) per post, \(posts($0.posts)))"
        }
        var marks: [HTML] = []
        for hour in stride(from: 0, to: 24, by: 3) {
            marks.append("<text x=\"\(left + hour * size + 2)\" y=\"12\" class=\"chart-axis\">\(hour)h</text>")
        }
        var byIndex: [Int: ReportHeatCell] = [:]
        for cell in cells { byIndex[(cell.weekday - 1) * 24 + cell.hour] = cell }
        for day in 0..<7 {
            marks.append("<text x=\"0\" y=\"\(top + day * size + 16)\" class=\"chart-axis\">\(weekdays[day])</text>")
            for hour in 0..<24 {
                let x = left + hour * size, y = top + day * size
                if let cell = byIndex[day * 24 + hour] {
                    let opacity = String(format: "%.2f", 0.15 + 0.85 * cell.meanEngagement / best)
                    let mean = ReportNumbers.count(Int(cell.meanEngagement.rounded()))
                    marks.append(
                        """
                        <rect x="\(x)" y="\(y)" width="\(size - 2)" height="\(size - 2)" class="heat" fill-opacity="\(opacity)">\
                        <title>\(weekdays[day]) \(hour):00 – \(mean) interactions per post, \(posts(cell.posts))</title></rect>
                        """)
                } else {
                    marks.append(
                        "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(size - 2)\" height=\"\(size - 2)\" class=\"heat-empty\"/>")
                }
            }
        }
        return """
            <figure class="chart chart-wide" id="chart-heatmap">\(caption)
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(left + 24 * size) \(top + 7 * size)" role="img" \
            aria-labelledby="heatmap-title heatmap-desc" preserveAspectRatio="xMinYMin meet">
            <title id="heatmap-title">\(title), in each account's local time</title>
            <desc id="heatmap-desc">Mean interactions per post by local weekday and hour of publication. \
            Best: \(words.joined(separator: "; ")).</desc>
            \(marks)</svg>
            <p class="chart-note">Local time of each account; darker cells had more interactions per post, grey ones no post.</p>
            <p class="chart-table"><a href="\(tableLink)#heatmap">Data table: engagement by weekday and hour</a></p></figure>
            """
    }

    private static func posts(_ count: Int) -> String { count == 1 ? "1 post" : "\(ReportNumbers.count(count)) posts" }
}
