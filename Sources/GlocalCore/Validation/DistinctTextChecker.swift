/// X's automation rules forbid identical or near-identical text on several accounts:
/// for each post, every X account must get its own wording.
struct DistinctTextChecker {
    /// What the check keeps of one variant: its comparable text and where to point.
    struct Entry: Sendable {
        var key: String
        var network: Network
        var accountID: String
        var campaignID: String
        var postID: String
        var textLocation: SourceLocation
        var postLocation: SourceLocation

        init(_ variant: PostVariant) {
            // The post's place too: two posts that share an id by mistake (`id.duplicate`) are still two posts.
            key =
                "\(variant.campaignID)|\(variant.postID)|\(variant.postLocation)|\(DistinctTextChecker.normalized(variant.text))"
            network = variant.network
            accountID = variant.accountID
            campaignID = variant.campaignID
            postID = variant.postID
            textLocation = variant.textOrigin.location
            postLocation = variant.postLocation
        }
    }

    /// Reports each group of entries of one post whose texts are the same once links, case,
    /// punctuation and spacing are ignored.
    func check(_ entries: [Entry], into diagnostics: inout [Diagnostic]) {
        var groups: [String: [Entry]] = [:]
        var order: [String] = []
        for entry in entries {
            let key = entry.network.rawValue + "|" + entry.key
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(entry)
        }
        for key in order {
            let group = groups[key]!
            guard group.count > 1 else { continue }
            let first = group[0]
            let accounts = group.map(\.accountID)
            let shown = accounts.prefix(6).joined(separator: ", ") + (accounts.count > 6 ? ", +\(accounts.count - 6) more" : "")
            diagnostics.append(
                Diagnostic(
                    .error, .xDuplicateText,
                    "\(first.network.rawValue)/\(first.accountID): the same text goes to \(group.count) \(first.network.displayName) accounts (\(shown))",
                    at: first.textLocation,
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
        var result = String.UnicodeScalarView()
        for scalar in withoutLinks.unicodeScalars {
            let value = scalar.value
            if value < 128 {
                // ASCII fast path: most brand copy is mostly ASCII.
                if (48...57).contains(value) || (97...122).contains(value) {
                    result.append(scalar)
                } else if (65...90).contains(value) {
                    result.append(Unicode.Scalar(value + 32)!)
                }
            } else if scalar.properties.isAlphabetic {
                // One scalar at a time: UnicodeScalarView.append(contentsOf:) rebuilds the whole view (quadratic).
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { result.append(lower) }
            }
        }
        return String(result)
    }
}
