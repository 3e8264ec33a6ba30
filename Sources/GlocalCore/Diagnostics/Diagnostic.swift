/// One problem found in a workspace, reported like a compiler diagnostic.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How serious it is.
    public var severity: Severity
    /// The stable rule id, such as `network.unknown` (see ``DiagnosticRule``).
    public var rule: String
    /// One sentence saying what is wrong.
    public var message: String
    /// Where it is; `nil` only for problems with no file (an empty directory, say).
    public var location: SourceLocation?
    /// Extra lines shown under the source excerpt, such as "did you mean 'mastodon'?".
    public var notes: [String]
    /// The network of the variant concerned, for variant diagnostics.
    public var network: Network?
    /// The account id of the variant concerned, for variant diagnostics.
    public var account: String?

    /// Creates a diagnostic; a message or note longer than ``DiagnosticText/messageLimit`` scalars is cut
    /// in the middle, so a value quoted whole from a huge file cannot flood the output.
    public init(
        _ severity: Severity, _ rule: DiagnosticRule, _ message: String, at location: SourceLocation?,
        notes: [String] = [], network: Network? = nil, account: String? = nil
    ) {
        self.severity = severity
        self.rule = rule.id
        self.message = DiagnosticText.shortened(message)
        self.location = location
        self.notes = notes.map { DiagnosticText.shortened($0) }
        self.network = network
        self.account = account
    }

    /// Stable order for output: by file, line, column, then severity, rule and message.
    public static func sortedForOutput(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { a, b in
            let la = a.location, lb = b.location
            if la != lb {
                guard let la else { return true }
                guard let lb else { return false }
                return la < lb
            }
            if a.severity != b.severity { return a.severity < b.severity }
            if a.rule != b.rule { return a.rule < b.rule }
            if (a.account ?? "") != (b.account ?? "") { return (a.account ?? "") < (b.account ?? "") }
            return a.message < b.message
        }
    }
}
