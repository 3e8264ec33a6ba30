import Foundation

/// Checks the API version each used network would be spoken in against its sunset: an error when it is already
/// past at `now`, else a warning naming the first post dated on or after the sunset.
///
/// `glocal validate` does not schedule, so a post counts as after the sunset when its day (in its account's
/// time zone) is on or after the sunset day (UTC): a post on the sunset day itself is reported, as it may well
/// be refused.
struct APIVersionChecker: Sendable {
    var pins: APIVersionPins
    /// Where glocal.yaml is, for versions that are glocal's defaults.
    var settingsLocation: SourceLocation

    func check(_ planned: [PlannedPost], networksInUse: Set<Network>, now: Date?, into diagnostics: inout [Diagnostic]) {
        let used = networksInUse.union(planned.map(\.network))
        for network in used.sorted() {
            let version = pins.effective(network)
            if let now, APIVersionStatus.of(version, at: now) == .unreleased, let pin = pins.pinned[network] {
                diagnostics.append(
                    Diagnostic(
                        .error, .apiVersionInvalid,
                        "\(network.rawValue): \(version.label) is not released yet at --now; "
                            + "\(network.displayName) refuses every call made with it",
                        at: pin.location, notes: ["glocal's default for \(network.rawValue) is \(current(network))"],
                        network: network))
                continue
            }
            guard let sunset = version.sunset, let sunsetText = version.sunsetText else { continue }
            let pin = pins.pinned[network]
            let location = pin?.location ?? settingsLocation
            let origin = pin == nil ? "glocal's default for \(network.rawValue)" : "pinned for \(network.rawValue)"
            var notes = ["\(version.label) is \(origin); its sunset is published at \(version.source)"]
            if version.sunsetIsEstimated {
                notes.append("no date is published yet: glocal counts a year from the release month, the earliest allowed")
            }
            let fix =
                Self.servedVersion(for: network, at: now).map {
                    "pin a current version in glocal.yaml, e.g. api_versions: { \(network.rawValue): \"\($0)\" }"
                } ?? "glocal knows no \(network.displayName) API version still served at --now: update glocal"
            if let now, APIVersionStatus.of(version, at: now) == .sunset {
                diagnostics.append(
                    Diagnostic(
                        .error, .apiVersionSunset,
                        "\(network.rawValue): \(version.label) has been sunset since \(sunsetText); "
                            + "\(network.displayName) refuses every call made with it",
                        at: location, notes: notes + [fix], network: network))
                continue
            }
            let late = planned.filter { $0.network == network && $0.date >= sunset }
            guard
                let first = late.min(by: {
                    ($0.date, $0.campaignID, $0.postID, $0.accountID) < ($1.date, $1.campaignID, $1.postID, $1.accountID)
                })
            else { continue }
            diagnostics.append(
                Diagnostic(
                    .warning, .apiVersionSunsetsDuringCampaign,
                    "\(network.rawValue): \(version.label) stops being served on \(sunsetText), and post '\(first.postID)' "
                        + "of campaign '\(first.campaignID)' falls on \(first.date) (account \(first.accountID))"
                        + (late.count > 1
                            ? ", with \(late.count - 1) more \(network.displayName) variant(s) on or after that day" : ""),
                    at: location,
                    notes: notes + ["the post is at \(first.postLocation)", fix], network: network))
        }
    }

    /// The version to suggest: the default of the table.
    private func current(_ network: Network) -> String {
        APIVersionTable.defaultVersion(for: network).name ?? ""
    }

    /// The newest version of `network` that is released and not yet sunset at `now` (LinkedIn's of `now`'s month
    /// included, as LinkedIn releases one a month), so a fix never names a version that is itself past its sunset;
    /// the default when there is no `now`; `nil` when glocal knows none still served.
    static func servedVersion(for network: Network, at now: Date?) -> String? {
        let fallback = APIVersionTable.defaultVersion(for: network)
        guard let now else { return fallback.name }
        var candidates = APIVersionTable.knownVersions(of: APIFamily.of(network)) + [fallback]
        if APIFamily.of(network) == .linkedin {
            let today = LocalDate(daysSinceEpoch: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
            if let monthly = APIVersionTable.linkedIn(String(format: "%04d%02d", today.year, today.month)) {
                candidates.append(monthly)
            }
        }
        let served = candidates.filter {
            switch APIVersionStatus.of($0, at: now) {
            case .current, .sunsetsSoon: return true
            case .unreleased, .sunset: return false
            }
        }
        let newest = served.max { ($0.released?.daysSinceEpoch ?? 0) < ($1.released?.daysSinceEpoch ?? 0) }
        return newest?.name
    }
}
