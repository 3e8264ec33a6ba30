import Foundation
import GlocalCore
import GlocalStore
import Testing

@testable import GlocalPostgres

/// A big plan's new variants go to the server in batches sent ahead (the next batch is encoded while the
/// server writes the one before): every variant and event arrives, and a failing batch is reported by its
/// own error, in any batch, with nothing of the plan written.
@Suite(.postgres)
struct PostgresPlanApplicationTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)
    /// Three batches of 5 000 and one of a single variant.
    static let count = 15_001

    static func variant(_ index: Int) -> StoredVariant {
        StoredVariant(
            id: "launch/post-\(index)/lumiere-fr-x", campaignID: "launch", postID: "post-\(index)", accountID: "lumiere-fr-x",
            network: .x, locale: "fr-FR", kind: .promotional, text: "Bonjour n°\(index)", title: nil, link: nil,
            linkPlacement: .none, media: ["a-\(index).jpg"], contentHash: "h\(index)", scheduledAt: now.addingTimeInterval(3_600),
            localTime: "09:00", timeZone: "Europe/Paris", live: false, state: .pendingApproval,
            explanation: [ScheduleReason("slot", "slot \(index)")])
    }

    static func plan(_ variants: [StoredVariant]) -> Plan {
        Plan(
            changes: variants.map {
                PlanChange(action: .create, id: $0.id, desired: $0, stored: nil, contentChanged: true, timeChanged: true)
            })
    }

    static func counts(_ store: PostgresStore) throws -> (variants: Int?, events: Int?) {
        try store.pool.transaction { transaction in
            (
                try transaction.value("SELECT count(*) FROM variant", as: Int.self),
                try transaction.value("SELECT count(*) FROM audit_event", as: Int.self)
            )
        }
    }

    @Test func everyVariantOfEveryBatchArrivesWithItsEvent() throws {
        let store = try PostgresTestServer.freshStore()
        let variants = (0..<Self.count).map(Self.variant)
        #expect(try store.apply(Self.plan(variants), actor: "test", now: Self.now) == Self.count)
        let counts = try Self.counts(store)
        #expect(counts.variants == Self.count)
        #expect(counts.events == Self.count)
        for index in [0, 4_999, 5_000, 10_001, Self.count - 1] {
            #expect(try store.variant(variants[index].id) == variants[index])
            #expect(try store.auditEvents(variant: variants[index].id).map(\.action) == [.create])
        }
    }

    /// The duplicate sits in the first batch (noticed when the second is sent), a middle one, or the last
    /// (noticed when the plan ends).
    @Test(arguments: [2, 7_000, count - 1])
    func aFailingBatchIsReportedByItsOwnErrorAndNothingIsWritten(duplicateAt index: Int) throws {
        let store = try PostgresTestServer.freshStore()
        let existing = Self.variant(index)
        try store.apply(Self.plan([existing]), actor: "test", now: Self.now)
        do {
            try store.apply(Self.plan((0..<Self.count).map(Self.variant)), actor: "test", now: Self.now)
            Issue.record("a plan re-creating \(existing.id) was applied")
        } catch VariantStoreError.statementFailed(let action, _, let message) {
            #expect(action == "create")
            #expect(message == "duplicate key value violates unique constraint \"variant_pkey\"")
        }
        let counts = try Self.counts(store)
        #expect(counts.variants == 1)
        #expect(counts.events == 1)
    }
}
