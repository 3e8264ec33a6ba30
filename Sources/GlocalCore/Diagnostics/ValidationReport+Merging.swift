extension ValidationReport {
    /// The same report with every file path prefixed, so paths read from another directory: the
    /// diagnostics' locations and the workspace paths their notes name (`in post … (campaigns/a.yaml:9:9)`).
    public func relocated(prefix: String) -> ValidationReport {
        guard !prefix.isEmpty else { return self }
        var copy = self
        copy.diagnostics = diagnostics.map { diagnostic in
            var moved = diagnostic
            moved.location?.file = prefix + (diagnostic.location?.file ?? "")
            moved.notes = diagnostic.notes.map { Self.relocatedPaths(in: $0, prefix: prefix) }
            return moved
        }
        return copy
    }

    /// Where glocal's notes name workspace files: the folders and files of a workspace's root.
    static let workspacePathStarts = ["campaigns/", "locales/", "assets/", "accounts.yaml", "glocal.yaml"]

    /// `note` with `prefix` before each workspace path it names, at the start of a word or after `(`.
    static func relocatedPaths(in note: String, prefix: String) -> String {
        var result = ""
        var rest = Substring(note)
        var previous: Character? = nil
        while let first = rest.first {
            let atWordStart = previous == nil || previous == " " || previous == "("
            if atWordStart, workspacePathStarts.contains(where: { rest.hasPrefix($0) }) { result += prefix }
            result.append(first)
            previous = first
            rest = rest.dropFirst()
        }
        return result
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
