/// X's automation rules forbid identical or near-identical text on several accounts:
/// for each post, every X account must get its own wording.
struct DistinctTextChecker {
    /// Reports each group of X variants of one post whose texts are the same once links, case,
    /// punctuation and spacing are ignored.
    func check(_ variants: [PostVariant], into diagnostics: inout [Diagnostic]) {
        var groups: [String: [PostVariant]] = [:]
        var order: [String] = []
        for variant in variants where NetworkRules.forNetwork(variant.network).requiresDistinctTextAcrossAccounts {
            let key = "\(variant.network.rawValue)|\(variant.campaignID)|\(variant.postID)|\(Self.normalized(variant.text))"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(variant)
        }
        for key in order {
            let group = groups[key]!
            guard group.count > 1 else { continue }
            let first = group[0]
            let accounts = group.map(\.accountID)
            let shown = accounts.prefix(6).joined(separator: ", ") + (accounts.count > 6 ? ", +\(accounts.count - 6) more" : "")
            diagnostics.append(Diagnostic(
                .error, .xDuplicateText,
                "\(first.network.rawValue)/\(first.accountID): the same text goes to \(group.count) \(first.network.displayName) accounts (\(shown))",
                at: first.textOrigin.location,
                notes: [
                    "\(first.network.displayName)'s automation rules forbid identical or near-identical posts across accounts",
                    "make the text distinct per account with {city} or {handle}, or give each locale its own string",
                    "in post '\(first.postID)' of campaign '\(first.campaignID)' (\(first.postLocation))",
                ], network: first.network, account: first.accountID))
        }
    }

    /// The text with links removed, lowercased, keeping only letters and digits.
    static func normalized(_ text: String) -> String {
        var withoutLinks = text
        for range in URLScanner.urlRanges(in: text, requireScheme: false).reversed() { withoutLinks.removeSubrange(range) }
        return String(withoutLinks.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }
}
