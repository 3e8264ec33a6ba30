extension ValidationReport {
    /// The same report with every diagnostic that names no file (a missing `accounts.yaml`, a workspace without
    /// campaigns) placed at the start of `file`, the workspace's `glocal.yaml`: GitHub code scanning refuses a whole
    /// SARIF upload when one result has no location.
    public func anchoringUnlocated(at file: String) -> ValidationReport {
        var copy = self
        copy.diagnostics = diagnostics.map { diagnostic in
            guard diagnostic.location == nil else { return diagnostic }
            var anchored = diagnostic
            anchored.location = SourceLocation(file: file, line: 1, column: 1, length: 0)
            return anchored
        }
        return copy
    }
}
