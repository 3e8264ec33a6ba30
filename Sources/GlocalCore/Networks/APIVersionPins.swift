import Foundation

/// The versions a workspace pins in `glocal.yaml` (`api_versions:`), and the version each network is spoken in.
public struct APIVersionPins: Sendable {
    /// Pinned versions, each where it was written.
    public var pinned: [Network: Located<APIVersion>]

    /// Pins `pinned`.
    public init(_ pinned: [Network: Located<APIVersion>] = [:]) { self.pinned = pinned }

    /// No pins: every network is spoken in its default version.
    public static let none = APIVersionPins()

    /// The version glocal speaks to `network`: the pinned one, else the table's default.
    public func effective(_ network: Network) -> APIVersion {
        pinned[network]?.value ?? APIVersionTable.defaultVersion(for: network)
    }

    /// The version text sent to `network` (`LinkedIn-Version`, the Graph path segment).
    public func name(_ network: Network) -> String? { effective(network).name }

    /// The versions among `networks` that are not current at `now` (sunset within `warningDays`, or past), in
    /// network order: what `glocal run` logs and `/healthz` and the accounts page show.
    public func notices(
        for networks: some Sequence<Network> = Network.allCases, at now: Date,
        warningDays: Int = APIVersionStatus.warningDays
    ) -> [APIVersionNotice] {
        Set(networks).sorted().compactMap { network in
            let version = effective(network)
            let status = APIVersionStatus.of(version, at: now, warningDays: warningDays)
            switch status {
            case .current: return nil
            case .sunsetsSoon, .sunset, .unreleased:
                return APIVersionNotice(network: network, version: version, status: status, pinned: pinned[network] != nil)
            }
        }
    }
}

/// A network whose API version needs attention.
public struct APIVersionNotice: Sendable, Equatable {
    /// The network.
    public var network: Network
    /// The version glocal speaks to it.
    public var version: APIVersion
    /// Its status at the instant asked about.
    public var status: APIVersionStatus
    /// Whether glocal.yaml pins it (else it is glocal's default).
    public var pinned: Bool

    /// Creates a notice.
    public init(network: Network, version: APIVersion, status: APIVersionStatus, pinned: Bool) {
        self.network = network
        self.version = version
        self.status = status
        self.pinned = pinned
    }

    /// One line for logs and pages: `facebook: Graph API v21.0 sunsets on 2027-01-21 (in 12 days); pin a newer
    /// version in glocal.yaml (api_versions)`.
    public var text: String {
        let sunset = version.sunsetText ?? "an unpublished date"
        let what: String
        switch status {
        case .sunsetsSoon(let days):
            what = "sunsets on \(sunset) (in \(days) day\(days == 1 ? "" : "s"))"
        case .sunset: what = "has been sunset since \(sunset): the network refuses every call"
        case .unreleased: what = "is not released yet: the network refuses every call"
        case .current: what = "is current"
        }
        let default_ = APIVersionTable.defaultVersion(for: network).name ?? "-"
        let advice =
            pinned
            ? "move api_versions.\(network.rawValue) in glocal.yaml to a current version (glocal's default is \(default_))"
            : "update glocal, whose default this is"
        return "\(network.rawValue): \(version.label) \(what); \(advice)"
    }
}
