/// The one-line summary that ends the text and GitHub outputs.
enum RenderedSummary {
    /// `N errors, N warnings, N notes in F files (A accounts, C campaigns, V variants checked)`,
    /// with singular nouns for counts of 1.
    static func line(for report: ValidationReport) -> String {
        let stats = report.statistics
        let counts = [
            counted(report.count(.error), "error"),
            counted(report.count(.warning), "warning"),
            counted(report.count(.note), "note"),
        ].joined(separator: ", ")
        let checked = [
            counted(stats.accounts, "account"),
            counted(stats.campaigns, "campaign"),
            counted(stats.variants, "variant"),
        ].joined(separator: ", ")
        return "\(counts) in \(counted(stats.files, "file")) (\(checked) checked)"
    }

    /// `1 error`, `0 errors`, `2 errors`.
    static func counted(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }
}
