import Foundation
import GlocalCore

@testable import GlocalStore

/// Variants, plans and places shared by the store tests.
enum StoreFixtures {
    /// A fixed "now".
    static let now = date("2026-11-20T10:00:00Z")

    /// Parses an ISO 8601 instant.
    static func date(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    /// A variant of `hydra-launch` for `account`, stored in `state`.
    static func variant(
        post: String = "teaser", account: String = "lumiere-fr-instagram", network: Network = .instagram,
        state: VariantState = .pendingApproval, text: String = "Votre peau a soif ? Découvrez Hydra.",
        scheduledAt: Date? = date("2026-12-01T08:00:00Z"), live: Bool = false
    ) -> StoredVariant {
        StoredVariant(
            id: "hydra-launch/\(post)/\(account)", campaignID: "hydra-launch", postID: post, accountID: account,
            network: network, locale: "fr-FR", kind: .promotional, text: text, title: nil,
            link: "https://lumiere.example/fr-FR/hydra?utm_source=instagram", linkPlacement: .firstComment,
            media: ["assets/hydra/teaser-4x5.jpg"], contentHash: "hash:\(text)", scheduledAt: scheduledAt,
            localTime: scheduledAt == nil ? nil : "2026-12-01 09:00", timeZone: "Europe/Paris", live: live, state: state,
            explanation: [
                ScheduleReason("day", "day 0 of the campaign"), ScheduleReason("window", "09:00 is in the morning window"),
            ])
    }

    /// A plan creating `variants`.
    static func creating(_ variants: [StoredVariant]) -> Plan {
        Plan(
            changes: variants.map {
                PlanChange(action: .create, id: $0.id, desired: $0, stored: nil, contentChanged: true, timeChanged: true)
            })
    }

    /// A plan keeping `variants` as stored.
    static func keeping(_ variants: [StoredVariant]) -> Plan {
        Plan(
            changes: variants.map {
                PlanChange(action: .keep, id: $0.id, desired: $0, stored: $0, contentChanged: false, timeChanged: false)
            })
    }

    /// A plan updating `stored` to `desired`.
    static func updating(_ stored: StoredVariant, to desired: StoredVariant) -> Plan {
        Plan(changes: [
            PlanChange(
                action: .update, id: stored.id, desired: desired, stored: stored,
                contentChanged: stored.contentHash != desired.contentHash, timeChanged: stored.scheduledAt != desired.scheduledAt)
        ])
    }

    /// A plan cancelling `stored`.
    static func cancelling(_ stored: StoredVariant) -> Plan {
        Plan(changes: [
            PlanChange(action: .cancel, id: stored.id, desired: nil, stored: stored, contentChanged: false, timeChanged: false)
        ])
    }

    /// A fresh in-memory store holding `variants`.
    static func store(with variants: [StoredVariant] = []) throws -> SQLiteVariantStore {
        let store = try SQLiteVariantStore.inMemory()
        try store.apply(creating(variants), actor: "test", now: now)
        return store
    }

    /// A new empty directory under the system's temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
