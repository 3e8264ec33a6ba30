import Foundation

/// Compares the schedule the YAML asks for with what the store holds, like `terraform plan`:
/// which variants to create, update (content or time), cancel, keep, or leave alone because they are out.
public struct Planner: Sendable {
    /// The workspace, for each campaign's approval mode.
    public let workspace: Workspace

    /// Creates a planner.
    public init(workspace: Workspace) { self.workspace = workspace }

    /// The plan turning `stored` into `desired`.
    public func plan(desired: [ScheduledVariant], stored: [StoredVariant], diagnostics: [Diagnostic] = []) -> Plan {
        let storedByID = Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [PlanChange] = []
        var seen = Set<String>()
        for scheduled in desired {
            let target = record(for: scheduled)
            seen.insert(target.id)
            guard let current = storedByID[target.id] else {
                changes.append(
                    PlanChange(
                        action: .create, id: target.id, desired: target, stored: nil, contentChanged: true, timeChanged: true))
                continue
            }
            // A manager's edit stays until the YAML itself changes.
            let contentChanged = current.plannedHash != target.contentHash
            let timeChanged = current.scheduledAt != target.scheduledAt || current.live != target.live
            if !contentChanged && !timeChanged && current.state != .cancelled {
                changes.append(
                    PlanChange(
                        action: .keep, id: target.id, desired: target, stored: current, contentChanged: false, timeChanged: false)
                )
            } else if current.state.isPublishedOrInFlight {
                // Published variants are never altered: the network already has them.
                changes.append(
                    PlanChange(
                        action: .frozen, id: target.id, desired: target, stored: current, contentChanged: contentChanged,
                        timeChanged: timeChanged))
            } else {
                changes.append(
                    PlanChange(
                        action: .update, id: target.id, desired: target, stored: current, contentChanged: contentChanged,
                        timeChanged: timeChanged))
            }
        }
        for current in stored where !seen.contains(current.id) && !current.state.isFinal && !current.state.isPublishedOrInFlight {
            changes.append(
                PlanChange(
                    action: .cancel, id: current.id, desired: nil, stored: current, contentChanged: false, timeChanged: false))
        }
        changes.sort { $0.id < $1.id }
        return Plan(changes: changes, diagnostics: diagnostics)
    }

    /// The stored form of a scheduled variant, in its initial state.
    public func record(for scheduled: ScheduledVariant) -> StoredVariant {
        let variant = scheduled.variant
        let approval =
            workspace.campaigns.first { $0.id.value == variant.campaignID }?.approval ?? workspace.settings.policy.approval
        let zone =
            scheduled.slot?.timeZone
            ?? workspace.accounts.first { $0.id.value == variant.accountID }.flatMap(workspace.declaredTimeZoneID(of:))
            ?? "UTC"
        return StoredVariant(
            id: variant.id, campaignID: variant.campaignID, postID: variant.postID, accountID: variant.accountID,
            network: variant.network, locale: variant.locale, kind: variant.kind, text: variant.text, title: variant.title,
            link: variant.link, linkPlacement: variant.linkPlacement, media: variant.media.map(\.path.value),
            contentHash: Self.contentHash(variant), scheduledAt: scheduled.slot?.instant,
            localTime: scheduled.slot.map { "\($0.date) \($0.time)" }, timeZone: zone, live: variant.live,
            state: approval == .auto ? .approved : .pendingApproval, explanation: scheduled.explanation)
    }

    /// A hash of everything a manager approves: text, title, link, its placement and the media.
    public static func contentHash(_ variant: PostVariant) -> String {
        contentHash(
            text: variant.text, title: variant.title, link: variant.link, linkPlacement: variant.linkPlacement,
            media: variant.media.map(\.path.value))
    }

    /// The same hash from the parts, for a variant edited in the store.
    public static func contentHash(text: String, title: String?, link: String?, linkPlacement: LinkPlacement, media: [String])
        -> String
    {
        let parts = [text, title ?? "", link ?? "", linkPlacement.rawValue] + media
        return VariantIdentity.idempotencyKey(for: parts.joined(separator: "\u{1F}")).replacingOccurrences(
            of: "glocal-", with: "")
    }
}
