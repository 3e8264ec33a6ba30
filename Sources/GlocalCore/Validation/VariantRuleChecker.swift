/// Checks one variant against its network's rules: length as the network counts it, bytes, forbidden
/// characters, title, media, hashtags, mentions and link placement.
struct VariantRuleChecker {
    let accountsByID: [String: Account]
    let media: any MediaInspector

    func check(_ variant: PostVariant, into diagnostics: inout [Diagnostic]) {
        var rules = NetworkRules.forNetwork(variant.network)
        if !accountsByID.isEmpty, let max = accountsByID[variant.accountID]?.maxCharacters { rules.maxTextLength = max }
        func report(
            _ severity: Severity, _ rule: DiagnosticRule, _ message: String, at location: SourceLocation, notes: [String] = []
        ) {
            // Built only when reporting: this runs for every variant and most are fine.
            let prefix = "\(variant.network.rawValue)/\(variant.accountID): "
            let origin = "in post '\(variant.postID)' of campaign '\(variant.campaignID)' (\(variant.postLocation))"
            diagnostics.append(
                Diagnostic(
                    severity, rule, prefix + message, at: location, notes: notes + [origin], network: variant.network,
                    account: variant.accountID))
        }
        let textLocation = variant.textOrigin.location
        let measurement = TextCounter.measure(variant.text, rules: rules)
        if measurement.isEmpty {
            report(.error, .textEmpty, "text is empty", at: textLocation)
        }
        if measurement.length > measurement.limit {
            let unit = Self.unit(of: rules.textCounting)
            var notes = ["\(measurement.length - measurement.limit) over the limit; \(Self.explanation(of: rules))"]
            if variant.textOrigin.locale != variant.locale {
                notes.append("text from locale '\(variant.textOrigin.locale)' (fallback for '\(variant.locale)')")
            }
            let overflow = Self.overflowLocation(of: variant, total: measurement.length, limit: measurement.limit) {
                TextCounter.length($0, counting: rules.textCounting, urlWeight: rules.urlWeight)
            }
            if overflow != nil { notes.insert("the text from the caret on does not fit", at: 1) }
            report(
                .error, .textTooLong, "text is \(measurement.length)/\(measurement.limit) \(unit)", at: overflow ?? textLocation,
                notes: notes)
        }
        if let bytes = measurement.bytes, let limit = measurement.byteLimit, bytes > limit {
            var notes = [
                "\(bytes - limit) over the limit; \(variant.network.displayName) takes at most \(limit) UTF-8 bytes as well as \(measurement.limit) characters (an emoji is 4 bytes or more, an accented letter 2)"
            ]
            let overflow = Self.overflowLocation(of: variant, total: bytes, limit: limit) { $0.utf8.count }
            if overflow != nil { notes.append("the text from the caret on does not fit") }
            report(.error, .textTooManyBytes, "text is \(bytes)/\(limit) UTF-8 bytes", at: overflow ?? textLocation, notes: notes)
        }
        if let first = measurement.forbiddenCharacters.first {
            let list = measurement.forbiddenCharacters.map(Self.describe).joined(separator: ", ")
            var location = textLocation
            if let offset = Array(variant.textOrigin.text.unicodeScalars).firstIndex(of: first) {
                location = variant.textOrigin.string.location(atScalarOffset: offset, length: 1)
            }
            var notes: [String] = []
            if measurement.forbiddenCharacters.contains(where: { $0.value == 0xFEFF || $0.value == 0xFFFE }) {
                notes.append("an invisible character, often pasted from a word processor: retype the text around it")
            }
            report(
                .error, .textForbiddenCharacter, "text contains \(list), which \(variant.network.displayName) rejects",
                at: location, notes: notes)
        }
        checkTitle(variant, rules: rules, report: report)
        checkMedia(variant, rules: rules, report: report)
        checkEntities(variant, rules: rules, report: report)
        checkLink(variant, rules: rules, report: report)
    }

    private func checkTitle(
        _ variant: PostVariant, rules: NetworkRules, report: (Severity, DiagnosticRule, String, SourceLocation, [String]) -> Void
    ) {
        guard let maxTitle = rules.maxTitleLength else { return }
        guard let title = variant.title, let origin = variant.titleOrigin else {
            if rules.requiresTitle {
                report(
                    .error, .titleInvalid, "\(variant.network.displayName) needs a title", variant.postLocation,
                    ["add 'title: <string key>' to the post or to its \(variant.network.rawValue) override"])
            }
            return
        }
        let length = TextCounter.measureTitle(title, rules: rules)
        if rules.requiresTitle, title.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            report(
                .error, .titleInvalid, "title is empty", origin.location,
                ["\(variant.network.displayName) needs a title of 1–\(maxTitle) characters; give the string a text"])
        } else if length > maxTitle {
            report(.error, .titleInvalid, "title is \(length)/\(maxTitle) characters", origin.location, [])
        }
        let forbidden = title.unicodeScalars.filter { rules.forbiddenCharacters.contains($0) }
        if !forbidden.isEmpty {
            report(
                .error, .titleInvalid,
                "title contains '\(String(String.UnicodeScalarView(forbidden)))', which \(variant.network.displayName) rejects",
                origin.location, [])
        }
    }

    private func checkEntities(
        _ variant: PostVariant, rules: NetworkRules, report: (Severity, DiagnosticRule, String, SourceLocation, [String]) -> Void
    ) {
        let countsHashtags = rules.maxHashtags != nil || rules.recommendedHashtags != nil || rules.singleTopicTag
        let tags = countsHashtags ? EntityScanner.hashtags(in: variant.text) : []
        if let max = rules.maxHashtags, tags.count > max {
            report(
                .error, .hashtagCount, "\(tags.count) hashtags, \(variant.network.displayName) allows at most \(max)",
                Self.excessHashtagLocation(variant, found: tags.count, allowed: max), [])
        } else if let recommended = rules.recommendedHashtags, tags.count > recommended {
            report(
                .warning, .hashtagCount,
                "\(tags.count) hashtags, \(variant.network.displayName) recommends at most \(recommended)",
                Self.excessHashtagLocation(variant, found: tags.count, allowed: recommended),
                ["set fewer hashtags for this network with 'networks: {\(variant.network.rawValue): {hashtags: [...]}}'"])
        }
        if rules.singleTopicTag, tags.count > 1 {
            report(
                .warning, .hashtagCount,
                "\(tags.count) hashtags, but \(variant.network.displayName) keeps only the first as the post's topic",
                Self.excessHashtagLocation(variant, found: tags.count, allowed: 1),
                ["keep one hashtag for \(variant.network.rawValue) with a per-network 'hashtags' override"])
        }
        if rules.recommendsCamelCaseHashtags {
            for (index, tag) in variant.hashtags.enumerated()
            where tag.count > 6 && tag == tag.lowercased() && tag.contains(where: \.isLetter)
                && tag.unicodeScalars.allSatisfy(\.isASCII)
            {
                report(
                    .warning, .hashtagStyle,
                    "hashtag '#\(tag)' is all lowercase; screen readers need CamelCase on \(variant.network.displayName)",
                    variant.source.hashtagLocation(at: index),
                    [
                        "write it in CamelCase, e.g. '#\(tag.prefix(1).uppercased() + tag.dropFirst())…' with a capital at each word"
                    ])
            }
        }
        if let max = rules.maxMentions {
            let mentions = EntityScanner.mentions(in: variant.text, syntax: .twitterText).count
            if mentions > max {
                report(
                    .error, .mentionCount, "\(mentions) @mentions, \(variant.network.displayName) allows at most \(max)",
                    Self.excessMentionLocation(variant, allowed: max), [])
            }
        }
    }

    /// Where the first hashtag over `allowed` is written: the text's own hashtags come first, then the
    /// list's; the list's place when the text alone has too many.
    static func excessHashtagLocation(_ variant: PostVariant, found: Int, allowed: Int) -> SourceLocation {
        let inText = max(0, found - variant.hashtags.count)
        return variant.source.hashtagLocation(at: allowed >= inText ? allowed - inText : -1)
    }

    private func checkLink(
        _ variant: PostVariant, rules: NetworkRules, report: (Severity, DiagnosticRule, String, SourceLocation, [String]) -> Void
    ) {
        guard variant.link != nil else { return }
        let name = variant.network.displayName
        if !rules.allowedLinkPlacements.contains(variant.linkPlacement) {
            let allowed = LinkPlacement.allCases.filter { rules.allowedLinkPlacements.contains($0) }.map(\.rawValue)
            report(
                .error, .linkPlacement, "\(name) has no '\(variant.linkPlacement.rawValue)' link placement", variant.linkLocation,
                [
                    "use one of: \(allowed.joined(separator: ", ")) in 'networks: {\(variant.network.rawValue): {link_placement: ...}}'"
                ])
            return
        }
        if let max = rules.maxLinkLength, let link = variant.link, link.count > max {
            report(
                .error, .linkInvalid, "the link is \(link.count) characters, \(name) takes at most \(max)",
                variant.linkLocation, ["UTM parameters count too; shorten the link"])
        }
        checkSeparateLink(variant, rules: rules, report: report)
        // A link in a field of its own (Pinterest's destination, Google's button) is clickable and not in the text.
        guard variant.linkPlacement == .inline, !rules.linkInOwnField else { return }
        if !rules.clickableLinks {
            report(
                .warning, .linkPolicy, "links in \(name) captions are not clickable", variant.linkLocation,
                ["set 'link_placement: none' for \(variant.network.rawValue) and point to the link in bio instead"])
        } else if rules.inlineLinkReducesReach {
            report(
                .warning, .linkPolicy, "an inline link reduces \(name) feed reach", variant.linkLocation,
                ["set 'link_placement: first_comment' for \(variant.network.rawValue)"])
        }
    }

    /// A `reply` or `first_comment` link is the whole text of a post or comment of its own
    /// (``NetworkRules/separateLinkText(for:)``): it must fit the network's text limit as the network counts it, or
    /// the post goes out without its link.
    private func checkSeparateLink(
        _ variant: PostVariant, rules: NetworkRules, report: (Severity, DiagnosticRule, String, SourceLocation, [String]) -> Void
    ) {
        guard let link = variant.link, variant.linkPlacement == .reply || variant.linkPlacement == .firstComment else {
            return
        }
        let carrier = variant.linkPlacement == .reply ? "reply" : "first comment"
        let measurement = TextCounter.measure(rules.separateLinkText(for: link), rules: rules)
        let notes = [
            "the link is the whole text of the \(carrier), which \(variant.network.displayName) limits like a post",
            "UTM parameters count too; shorten the link, or set 'link_placement: none' for \(variant.network.rawValue)",
        ]
        if measurement.length > measurement.limit {
            report(
                .error, .linkTooLong,
                "the link is \(measurement.length)/\(measurement.limit) \(Self.unit(of: rules.textCounting)) as the \(carrier)'s text",
                variant.linkValueLocation, notes)
        } else if let bytes = measurement.bytes, let limit = measurement.byteLimit, bytes > limit {
            report(
                .error, .linkTooLong, "the link is \(bytes)/\(limit) UTF-8 bytes as the \(carrier)'s text",
                variant.linkValueLocation, notes)
        }
    }

    /// Where in the translated string the text stops fitting: the first character of the shortest
    /// tail whose removal would bring the variant under the limit. Only for one-line strings, whose
    /// columns are exact; `nil` otherwise.
    ///
    /// The search cuts the string only between characters (grapheme clusters): a prefix that ends inside one, such as
    /// a family emoji cut after its first person and joiner, can weigh more than the whole (X counts the whole
    /// sequence 2), and the caret must land on the first character that no longer fits, never inside one.
    static func overflowLocation(
        of variant: PostVariant, total: Int, limit: Int, measure: (String) -> Int
    ) -> SourceLocation? {
        let string = variant.textOrigin.string
        guard string.isColumnExact else { return nil }
        let scalars = Array(string.text.unicodeScalars)
        // The scalar offset of each character boundary: boundaries[k] scalars make the first k characters.
        var boundaries = [0]
        boundaries.reserveCapacity(string.text.count + 1)
        for character in string.text { boundaries.append(boundaries[boundaries.count - 1] + character.unicodeScalars.count) }
        func length(_ characters: Int) -> Int { measure(String(String.UnicodeScalarView(scalars[0..<boundaries[characters]]))) }
        let count = boundaries.count - 1
        // What the rest of the variant (templates filled, hashtags, link) adds to the string itself.
        let extra = total - length(count)
        var low = 0, high = count
        while low < high {
            let middle = (low + high + 1) / 2
            if length(middle) + extra <= limit { low = middle } else { high = middle - 1 }
        }
        guard low < count else { return nil }
        let offset = boundaries[low]
        return string.location(atScalarOffset: offset, length: scalars.count - offset)
    }

    /// The first @mention over `allowed` when the string itself holds it (a mention from a variable such as `{handle}`
    /// has no column of its own), else the whole string.
    static func excessMentionLocation(_ variant: PostVariant, allowed: Int) -> SourceLocation {
        let string = variant.textOrigin.string
        let written = EntityScanner.mentions(in: string.text, syntax: .twitterText)
        guard string.isColumnExact, written.count > allowed else { return variant.textOrigin.location }
        let mention = written[allowed]
        // The `@` before the name, in scalars from the start of the string.
        let start = string.text.unicodeScalars.distance(from: string.text.unicodeScalars.startIndex, to: mention.startIndex) - 1
        return string.location(atScalarOffset: start, length: mention.unicodeScalars.count + 1)
    }

    /// `U+FEFF (ZERO WIDTH NO-BREAK SPACE)` or `'<'`.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        if scalar.value >= 0x21 && scalar.value < 0x7F { return "'\(scalar)'" }
        let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(4)
        return scalar.properties.name.map { "\(code) (\($0))" } ?? code
    }

    static func unit(of method: TextCountingMethod) -> String {
        switch method {
        case .xWeighted: return "weighted characters"
        case .utf8Bytes: return "UTF-8 bytes"
        case .utf16: return "UTF-16 code units"
        case .graphemesAndBytes, .mastodon, .threads, .graphemes: return "characters"
        }
    }

    static func explanation(of rules: NetworkRules) -> String {
        switch rules.textCounting {
        case .xWeighted: return "X counts CJK and emoji as 2 and every link as \(rules.urlWeight ?? 23)"
        case .mastodon: return "Mastodon counts every link as \(rules.urlWeight ?? 23)"
        case .graphemesAndBytes: return "Bluesky counts graphemes (and at most \(rules.maxTextBytes ?? 3000) bytes)"
        case .threads: return "Threads counts an emoji by its UTF-8 bytes"
        case .utf16: return "\(rules.network.displayName) counts UTF-16 code units"
        case .utf8Bytes: return "\(rules.network.displayName) counts UTF-8 bytes"
        case .graphemes: return "\(rules.network.displayName) counts characters"
        }
    }

    /// `2 min 30 s`, `45 s`, `0.5 s`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 10, seconds != seconds.rounded() { return decimal(seconds) + " s" }
        let whole = Int(min(seconds, 1e12).rounded(.up))
        if whole < 60 { return "\(whole) s" }
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        return (hours > 0 ? "\(hours) h " : "") + (hours > 0 || minutes > 0 ? "\(minutes) min" : "")
            + (rest > 0 ? " \(rest) s" : "")
    }

    static func megabytes(_ bytes: Int) -> String { decimal(Double(bytes) / 1_000_000) + " MB" }

    /// A file's size and the limit it passes, in `unit`; just over the limit, where both round alike, in bytes
    /// (`5 000 001 bytes`, `5 000 000 bytes (5.00 MB)`), so the message never reads "5.00 MB, at most 5.00 MB".
    static func sizes(_ bytes: Int, over limit: Int, unit: (Int) -> String) -> (size: String, limit: String) {
        let (size, most) = (unit(bytes), unit(limit))
        guard size == most else { return (size, most) }
        return ("\(grouped(bytes)) bytes", "\(grouped(limit)) bytes (\(most))")
    }

    /// `4.00 GB` from a billion bytes on, else `75.00 MB` (decimal units, as the networks write their limits).
    static func fileSize(_ bytes: Int) -> String {
        bytes >= 1_000_000_000 ? decimal(Double(bytes) / 1_000_000_000) + " GB" : megabytes(bytes)
    }

    /// `75 000 001`: digits in groups of three, as the docs write byte counts.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        return String(
            digits.enumerated().flatMap { index, digit in
                index > 0 && (digits.count - index) % 3 == 0 ? [" ", digit] : [digit]
            })
    }

    /// `1:2`, `4:5`, `1.91:1`: how the networks write an aspect ratio (width:height).
    static func ratioName(_ ratio: Double) -> String {
        for height in 1...20 {
            let width = ratio * Double(height)
            if abs(width - width.rounded()) < 0.001 { return "\(Int(width.rounded())):\(height)" }
        }
        return decimal(ratio) + ":1"
    }

    static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
