extension ValidationReport {
    /// The same report with every file path prefixed, so paths read from another directory.
    public func relocated(prefix: String) -> ValidationReport {
        guard !prefix.isEmpty else { return self }
        var copy = self
        copy.diagnostics = diagnostics.map { diagnostic in
            var moved = diagnostic
            moved.location?.file = prefix + (diagnostic.location?.file ?? "")
            return moved
        }
        return copy
    }

    /// The diagnostics of both reports, and the sum of their statistics.
    public func merged(with other: ValidationReport) -> ValidationReport {
        var statistics = self.statistics
        statistics.files += other.statistics.files
        statistics.accounts += other.statistics.accounts
        statistics.locales += other.statistics.locales
        statistics.campaigns += other.statistics.campaigns
        statistics.posts += other.statistics.posts
        statistics.variants += other.statistics.variants
        statistics.networks = max(statistics.networks, other.statistics.networks)
        statistics.timeZones = max(statistics.timeZones, other.statistics.timeZones)
        statistics.teams += other.statistics.teams
        return ValidationReport(diagnostics: diagnostics + other.diagnostics, statistics: statistics)
    }
}

extension SourceFiles {
    /// The same files under prefixed paths.
    public func relocated(prefix: String) -> SourceFiles {
        guard !prefix.isEmpty else { return self }
        var copy = SourceFiles()
        for path in paths { copy.add(path: prefix + path, text: text(of: path)!) }
        return copy
    }

    /// Both stores' files.
    public func merged(with other: SourceFiles) -> SourceFiles {
        var copy = self
        for path in other.paths { copy.add(path: path, text: other.text(of: path)!) }
        return copy
    }
}
