/// The API version glocal speaks on each network by default, and the older versions a workspace may pin, with the
/// day each stops being served and where that day is published (docs/networks.md, "API versions").
public enum APIVersionTable {
    /// LinkedIn's versioning page (format, "supported … for a minimum of one year before sunset").
    public static let linkedInVersioning = "https://learn.microsoft.com/en-us/linkedin/marketing/versioning"
    /// LinkedIn's migrations page: the sunset date of each version.
    public static let linkedInMigrations = "https://learn.microsoft.com/en-us/linkedin/marketing/integrations/migrations"
    /// Graph's version table ("Available Until").
    public static let graphVersions = "https://developers.facebook.com/docs/graph-api/changelog/versions/"

    /// The version glocal sends to `network` unless the workspace pins another.
    public static func defaultVersion(for network: Network) -> APIVersion {
        switch APIFamily.of(network) {
        case .linkedin: return linkedIn("202606")!
        case .graph: return graph["v25.0"]!
        case .threads: return threads["v1.0"]!
        case .x:
            return APIVersion(family: .x, name: "2", source: "https://docs.x.com/x-api/posts/create-post")
        case .mastodon:
            return APIVersion(family: .mastodon, name: "v1", source: "https://docs.joinmastodon.org/methods/statuses/")
        case .bluesky:
            return APIVersion(family: .bluesky, name: nil, source: "https://atproto.com/specs/lexicon")
        case .youtube:
            return APIVersion(
                family: .youtube, name: "v3",
                source: "https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol")
        case .tiktok:
            return APIVersion(
                family: .tiktok, name: "v2", source: "https://developers.tiktok.com/doc/content-posting-api-reference-direct-post"
            )
        case .pinterest:
            return APIVersion(
                family: .pinterest, name: "v5", source: "https://developers.pinterest.com/docs/api/v5/introduction")
        case .googleBusiness:
            return APIVersion(
                family: .googleBusiness, name: "v4",
                source: "https://developers.google.com/my-business/reference/rest/v4/accounts.locations.localPosts")
        }
    }

    /// Whether a workspace may pin another version for `network` (LinkedIn, Facebook, Instagram, Threads).
    public static func isPinnable(_ network: Network) -> Bool {
        switch APIFamily.of(network) {
        case .linkedin, .graph, .threads: return true
        case .x, .mastodon, .bluesky, .youtube, .tiktok, .pinterest, .googleBusiness: return false
        }
    }

    /// What a pinned `name` means for `network`.
    public static func lookUp(_ name: String, for network: Network) -> APIVersionLookup {
        switch APIFamily.of(network) {
        case .linkedin:
            guard let version = linkedIn(name) else { return .malformed(expected: "YYYYMM, e.g. \"202606\"") }
            return .known(version)
        case .graph: return lookUp(name, in: graph, pattern: "vNN.0, e.g. \"v25.0\"")
        case .threads: return lookUp(name, in: threads, pattern: "vN.0, e.g. \"v1.0\"")
        case .x, .mastodon, .bluesky, .youtube, .tiktok, .pinterest, .googleBusiness: return .notPinnable
        }
    }

    /// Every version the table names for `family`, oldest first (LinkedIn: those with a published sunset, and the
    /// default).
    public static func knownVersions(of family: APIFamily) -> [APIVersion] {
        switch family {
        case .linkedin:
            let names = Set(linkedInPublishedSunsets.keys).union(["202505", "202606"])
            return names.sorted().compactMap { linkedIn($0) }
        case .graph: return graph.values.sorted { (graphNumber($0.name ?? "") ?? 0) < (graphNumber($1.name ?? "") ?? 0) }
        case .threads: return Array(threads.values)
        case .x, .mastodon, .bluesky, .youtube, .tiktok, .pinterest, .googleBusiness:
            let network = Network.allCases.first { APIFamily.of($0) == family }!
            return [defaultVersion(for: network)]
        }
    }

    private static func lookUp(_ name: String, in versions: [String: APIVersion], pattern: String) -> APIVersionLookup {
        if let version = versions[name] { return .known(version) }
        guard graphNumber(name) != nil else { return .malformed(expected: pattern) }
        return .unknown(known: versions.keys.sorted { (graphNumber($0) ?? 0) < (graphNumber($1) ?? 0) })
    }

    /// `21` for `v21.0`; `nil` unless the text is `v` + digits + `.0`.
    public static func graphNumber(_ text: String) -> Int? {
        guard text.hasPrefix("v"), text.hasSuffix(".0") else { return nil }
        let digits = text.dropFirst().dropLast(2)
        guard (1...3).contains(digits.count), digits.allSatisfy(\.isASCII), let number = Int(digits) else { return nil }
        return number
    }

    /// LinkedIn's sunset dates as published on the migrations page; other versions get release month + 12.
    static let linkedInPublishedSunsets: [String: LocalDate] = [
        "202411": LocalDate(year: 2025, month: 11, day: 17)!,
        "202510": LocalDate(year: 2026, month: 10, day: 15)!,
        "202511": LocalDate(year: 2026, month: 11, day: 16)!,
        "202601": LocalDate(year: 2027, month: 1, day: 15)!,
        "202602": LocalDate(year: 2027, month: 2, day: 15)!,
        "202603": LocalDate(year: 2027, month: 3, day: 16)!,
    ]

    /// A LinkedIn version `YYYYMM` (from 202206, the first versioned release): released on the month's first day,
    /// sunset as published or, failing that, on the first day of the same month a year later — the earliest day
    /// "a minimum of one year" allows (published dates fall mid-month, so the estimate errs early).
    static func linkedIn(_ name: String) -> APIVersion? {
        guard name.count == 6, name.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(name) else { return nil }
        let year = number / 100
        let month = number % 100
        guard year >= 2022, number >= 202206, let released = LocalDate(year: year, month: month, day: 1) else { return nil }
        if let published = linkedInPublishedSunsets[name] {
            return APIVersion(
                family: .linkedin, name: name, released: released, sunset: published, source: linkedInMigrations)
        }
        return APIVersion(
            family: .linkedin, name: name, released: released, sunset: LocalDate(year: year + 1, month: month, day: 1),
            sunsetIsEstimated: true, source: linkedInVersioning)
    }

    /// Graph versions as published in its changelog (v26.0's end is "TBD").
    static let graph: [String: APIVersion] = {
        let rows: [(String, LocalDate, LocalDate?)] = [
            ("v20.0", LocalDate(year: 2024, month: 5, day: 21)!, LocalDate(year: 2026, month: 9, day: 24)!),
            ("v21.0", LocalDate(year: 2024, month: 10, day: 2)!, LocalDate(year: 2027, month: 1, day: 21)!),
            ("v22.0", LocalDate(year: 2025, month: 1, day: 21)!, LocalDate(year: 2027, month: 5, day: 20)!),
            ("v23.0", LocalDate(year: 2025, month: 5, day: 29)!, LocalDate(year: 2027, month: 10, day: 8)!),
            ("v24.0", LocalDate(year: 2025, month: 10, day: 8)!, LocalDate(year: 2028, month: 2, day: 18)!),
            ("v25.0", LocalDate(year: 2026, month: 2, day: 18)!, LocalDate(year: 2028, month: 7, day: 29)!),
            ("v26.0", LocalDate(year: 2026, month: 7, day: 29)!, nil),
        ]
        return Dictionary(
            uniqueKeysWithValues: rows.map {
                ($0.0, APIVersion(family: .graph, name: $0.0, released: $0.1, sunset: $0.2, source: graphVersions))
            })
    }()

    /// Threads has one version and publishes no end for it.
    static let threads: [String: APIVersion] = [
        "v1.0": APIVersion(
            family: .threads, name: "v1.0", source: "https://developers.facebook.com/docs/threads/troubleshooting")
    ]
}

/// What a version named in `glocal.yaml` is.
public enum APIVersionLookup: Sendable, Equatable {
    /// A version glocal knows (LinkedIn: any well-formed `YYYYMM`).
    case known(APIVersion)
    /// Well-formed but not in the table, so glocal cannot tell when it ends; `known` lists the table's versions.
    case unknown(known: [String])
    /// Not written the way the network names its versions; `expected` shows how.
    case malformed(expected: String)
    /// The network has one API version glocal speaks; it cannot be pinned.
    case notPinnable
}
