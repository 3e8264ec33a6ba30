/// Re-validates a stored variant after a manager's edit, with the same per-variant rules as
/// `glocal validate` (``VariantRuleChecker`` and the network rules table).
///
/// X's distinct text across accounts is checked against the post's other stored variants. The
/// 80/20 rule is not: an edit changes one variant's text, not its kind or date.
public struct VariantEditCheck: Sendable {
    /// The workspace's accounts, for per-account limits.
    public let accounts: [Account]
    /// Reads media files (sizes, aspect ratios).
    public let media: any MediaInspector

    /// Creates a checker.
    public init(accounts: [Account], media: any MediaInspector) {
        self.accounts = accounts
        self.media = media
    }

    /// The diagnostics of `variant` with its text replaced by `text` and its link placed at
    /// `linkPlacement`. Their locations point at the edit form (file `edit`, line 1), not at YAML.
    ///
    /// `siblings` are the stored variants of the same post (any account), for the networks whose
    /// rules forbid the same text on several accounts.
    public func check(
        _ variant: StoredVariant, text: String, linkPlacement: LinkPlacement, siblings: [StoredVariant] = []
    ) -> [Diagnostic] {
        let here = SourceLocation(file: "edit", line: 1, column: 1)
        let string = LocalizedString(text: text, location: here, keyLocation: here, isColumnExact: false)
        let origin = TextOrigin(key: "edit", locale: variant.locale, location: here, referenceLocation: here, string: string)
        let candidate = PostVariant(
            campaignID: variant.campaignID, postID: variant.postID, accountID: variant.accountID, network: variant.network,
            locale: variant.locale, kind: variant.kind, text: text, title: variant.title, link: variant.link,
            linkPlacement: linkPlacement, hashtags: EntityScanner.hashtags(in: text).map(String.init),
            media: variant.media.map { MediaReference(path: Located($0, at: here), type: MediaType.inferred(fromPath: $0)) },
            date: LocalDate(daysSinceEpoch: 0), time: nil, live: variant.live, holiday: false, textOrigin: origin,
            titleOrigin: variant.title.map { _ in origin },
            source: VariantSource(postLocation: here, mediaLocation: here, hashtagsLocation: here, linkLocation: here))
        let byID = Dictionary(accounts.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        var diagnostics: [Diagnostic] = []
        VariantRuleChecker(accountsByID: byID, media: media).check(candidate, into: &diagnostics)
        diagnostics += distinctText(candidate, among: siblings)
        return diagnostics
    }

    /// X's rule that every account of one post gets its own wording, checked against the stored texts
    /// of the post's other variants on the same network (`glocal validate` checks the YAML's).
    private func distinctText(_ candidate: PostVariant, among siblings: [StoredVariant]) -> [Diagnostic] {
        guard NetworkRules.forNetwork(candidate.network).requiresDistinctTextAcrossAccounts else { return [] }
        let normalized = DistinctTextChecker.normalized(candidate.text)
        let clashes = siblings.filter {
            $0.network == candidate.network && $0.campaignID == candidate.campaignID && $0.postID == candidate.postID
                && $0.accountID != candidate.accountID && $0.state != .cancelled && $0.state != .rejected
                && DistinctTextChecker.normalized($0.text) == normalized
        }
        guard !clashes.isEmpty else { return [] }
        let accounts = clashes.map(\.accountID).sorted()
        let shown = accounts.prefix(6).joined(separator: ", ") + (accounts.count > 6 ? ", +\(accounts.count - 6) more" : "")
        return [
            Diagnostic(
                .error, .xDuplicateText,
                "\(candidate.network.rawValue)/\(candidate.accountID): the same text already goes to \(shown)",
                at: candidate.textOrigin.location,
                notes: [
                    "\(candidate.network.displayName)'s automation rules forbid identical or near-identical posts across accounts",
                    "make the wording your own: your city, your handle, a local detail",
                ], network: candidate.network, account: candidate.accountID)
        ]
    }

    /// The form field a diagnostic belongs to: `text`, `link_placement` or `media`.
    public static func field(of diagnostic: Diagnostic) -> String {
        if diagnostic.rule.hasPrefix("link.") { return "link_placement" }
        if diagnostic.rule.hasPrefix("media.") { return "media" }
        return "text"
    }
}
