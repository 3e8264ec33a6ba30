import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import GlocalCore
import GlocalYAML

/// `glocal accounts import` and `export`: accounts.yaml to and from CSV.
public struct AccountsTransfer: Sendable {
    /// The workspace directory.
    public var root: URL

    /// Works on the workspace at `root`.
    public init(root: URL) { self.root = root }

    /// What an import did (or, with errors, why it wrote nothing).
    public struct ImportOutcome: Sendable {
        /// The merge, when every row was good.
        public var merge: AccountsYAMLMerger.Result?
        /// The errors, rendered like the compiler's (empty when there are none).
        public var report: String
        /// How many errors.
        public var errors: Int
        /// Whether accounts.yaml was written.
        public var wrote: Bool
    }

    /// Checks the CSV at `csvPath` (shown as `displayPath`) and, when every row is good and not `dryRun`,
    /// merges it into accounts.yaml (or writes a new one when there is none). Nothing is written when any row is bad
    /// or when accounts.yaml is there but cannot be read as the workspace loader reads it.
    public func importCSV(_ text: String, displayPath: String, dryRun: Bool = false) throws -> ImportOutcome {
        var sources = SourceFiles()
        sources.add(path: displayPath, text: text)
        // Read as the workspace loader reads it, first: only a truly absent accounts.yaml starts a new file. One that
        // cannot be read (not UTF-8, a folder, a FIFO, a link leading outside or to nothing) is refused, never replaced,
        // and its error comes alone (the rows' checks against the accounts already there would be wrong).
        let reading = WorkspaceLoader(root: root).read("accounts.yaml")
        if case .refused(let diagnostic) = reading { return failed([diagnostic], sources: sources) }
        let loaded = WorkspaceLoader(root: root).load()
        let locales = localeIDs()
        let teams = Dictionary(
            (loaded.workspace?.settings.teams ?? []).map { ($0.id.value, $0.accountPatterns.map(\.value)) },
            uniquingKeysWith: { a, _ in a })
        let existing = Set((loaded.workspace?.accounts ?? []).map(\.id.value))
        let reader = AccountsCSVReader(path: displayPath, locales: locales, teams: teams, existing: existing)
        let (records, diagnostics) = reader.read(text)
        guard diagnostics.isEmpty else { return failed(diagnostics, sources: sources) }
        let merge: AccountsYAMLMerger.Result
        let target: String
        let existed: Bool
        switch reading {
        case .refused(let diagnostic):
            return failed([diagnostic], sources: sources)
        case .text(let existing, let location):
            sources.add(path: "accounts.yaml", text: existing)
            do { merge = try AccountsYAMLMerger.merge(records, into: existing) } catch let refusal as AccountsYAMLMerger.Refusal {
                return failed(refusal.diagnostics, sources: sources)
            }
            // A symbolic link that stays inside the workspace is written through: its target is replaced, the link kept.
            target = WorkspaceContainment(root: root).absolutePath(of: location)
            existed = true
        case .absent:
            merge = AccountsYAMLMerger.fresh(records, source: displayPath)
            target = root.appendingPathComponent("accounts.yaml").path
            existed = false
        }
        let problems = AccountsYAMLMerger.problems(of: merge.text)
        if !problems.isEmpty {
            var merged = SourceFiles()
            merged.add(path: "accounts.yaml", text: merge.text)
            return failed(problems, sources: merged)
        }
        guard !dryRun else { return ImportOutcome(merge: merge, report: "", errors: 0, wrote: false) }
        if merge.added.isEmpty && merge.updated.isEmpty, existed {
            return ImportOutcome(merge: merge, report: "", errors: 0, wrote: false)
        }
        // Written beside and renamed over, so accounts.yaml is never half-written.
        let targetURL = URL(fileURLWithPath: target)
        let partial = targetURL.deletingLastPathComponent().appendingPathComponent(".\(targetURL.lastPathComponent).importing")
        try Data(merge.text.utf8).write(to: partial)
        // The new file keeps the mode of the one it replaces (a 0640 accounts.yaml stays 0640).
        if existed, let mode = try? FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? NSNumber {
            do { try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: partial.path) } catch {
                try? FileManager.default.removeItem(at: partial)
                throw error
            }
        }
        guard rename(partial.path, target) == 0 else {
            try? FileManager.default.removeItem(at: partial)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target])
        }
        return ImportOutcome(merge: merge, report: "", errors: 0, wrote: true)
    }

    /// Why `exportCSV` wrote nothing: errors in accounts.yaml, or an account it cannot write.
    public struct ExportRefusal: Error, Sendable {
        /// The errors, rendered like the compiler's.
        public var report: String
        /// How many errors.
        public var errors: Int
    }

    /// The workspace's accounts as CSV (`glocal accounts export`): every account, or an `ExportRefusal` when accounts.yaml
    /// is missing, cannot be read (not UTF-8, leads outside, not a regular file), has an error (YAML syntax, an unknown
    /// network) or holds an account that cannot be written. Then no CSV at all, never a short one.
    public func exportCSV() throws -> String {
        let loaded = WorkspaceLoader(root: root).load()
        var problems = loaded.diagnostics.filter { diagnostic in
            guard diagnostic.severity == .error else { return false }
            guard let location = diagnostic.location else { return diagnostic.message.hasPrefix("accounts.yaml ") }
            return location.file == "accounts.yaml"
        }
        if let workspace = loaded.workspace, problems.isEmpty {
            let records = Self.records(of: workspace)
            let written = Set(records.map(\.id))
            for account in workspace.accounts where !written.contains(account.id.value) {
                problems.append(
                    Diagnostic(
                        .error, .networkUnknown,
                        "account '\(account.id.value)' has no network glocal knows; it cannot be exported",
                        at: account.networkLocation))
            }
            if problems.isEmpty { return AccountsCSVWriter.render(records) }
        }
        guard !problems.isEmpty else { throw UseCaseError.workspaceUnreadable(root: root.path) }
        let sorted = Diagnostic.sortedForOutput(problems)
        throw ExportRefusal(
            report: TextDiagnosticRenderer(sources: loaded.sources).renderDiagnostics(sorted),
            errors: sorted.filter { $0.severity == .error }.count)
    }

    /// The CSV records of `workspace`'s accounts: teams are the ones whose patterns cover each id. An account without a
    /// known network has no record (`exportCSV` refuses such a workspace).
    public static func records(of workspace: Workspace) -> [AccountRecord] {
        workspace.accounts.compactMap { account in
            guard let network = account.network else { return nil }
            let teams = workspace.settings.teams.filter { team in
                team.accountPatterns.contains { GlobPattern.matches($0.value, account.id.value) }
            }
            return AccountRecord(
                id: account.id.value, network: network, handle: account.handle, locale: account.locale.value,
                timeZone: account.timeZone?.value, tags: account.tags.map(\.value), teams: teams.map(\.id.value),
                city: account.city, country: account.country, credentials: account.credentials, instance: account.instance,
                maxCharacters: account.maxCharacters, boards: account.boards, location: account.businessLocation?.value,
                unaudited: account.unaudited ? true : nil)
        }
    }

    /// The locale ids: the files under locales/.
    func localeIDs() -> Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("locales").path)) ?? []
        return Set(
            names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { String($0.prefix { $0 != "." }) })
    }

    private func failed(_ diagnostics: [Diagnostic], sources: SourceFiles) -> ImportOutcome {
        let sorted = Diagnostic.sortedForOutput(diagnostics)
        return ImportOutcome(
            merge: nil, report: TextDiagnosticRenderer(sources: sources).renderDiagnostics(sorted),
            errors: sorted.filter { $0.severity == .error }.count, wrote: false)
    }
}
