import Foundation

/// One version of a network's API: what glocal sends (a `LinkedIn-Version` header, a Graph path segment), the day
/// the network stops serving it, and the page where that day is published.
public struct APIVersion: Sendable, Hashable {
    /// The API family the version belongs to (Facebook and Instagram share Graph's versions).
    public var family: APIFamily
    /// What glocal sends (`202606`, `v25.0`, `v1.0`, `2`); `nil` when the API is not versioned (Bluesky's lexicons).
    public var name: String?
    /// The first day the network serves it, when known.
    public var released: LocalDate?
    /// The first day (UTC) the network no longer serves it; `nil` when no date is published.
    public var sunset: LocalDate?
    /// Whether `sunset` is glocal's estimate (LinkedIn: release month + 12, "supported for a minimum of one year")
    /// rather than a date the network published.
    public var sunsetIsEstimated: Bool
    /// The page where the version and its sunset are published.
    public var source: String

    /// Creates a version.
    public init(
        family: APIFamily, name: String?, released: LocalDate? = nil, sunset: LocalDate? = nil,
        sunsetIsEstimated: Bool = false, source: String
    ) {
        self.family = family
        self.name = name
        self.released = released
        self.sunset = sunset
        self.sunsetIsEstimated = sunsetIsEstimated
        self.source = source
    }

    /// The instant the version stops being served: 00:00 UTC of `sunset`.
    public var sunsetInstant: Date? { sunset.map { Date(timeIntervalSince1970: Double($0.daysSinceEpoch) * 86_400) } }

    /// How the version is named in messages: `LinkedIn API 202606`, `Graph API v21.0`.
    public var label: String { "\(family.displayName) \(name ?? "(unversioned)")" }

    /// The sunset as written in messages: `2027-01-21` (or `about 2027-06-01` for an estimate).
    public var sunsetText: String? { sunset.map { sunsetIsEstimated ? "about \($0)" : "\($0)" } }
}
