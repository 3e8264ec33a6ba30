import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// Approvals name the revision shown, checked in the approval's transaction; `apply` writes a plan
/// only against the store generation it was computed from, so racing applies never write twice.
struct RevisionAndGenerationTests {
    let now = StoreFixtures.now
    let manager = "claire.martin@lumiere.example"
    let other = "olivia.hughes@lumiere.example"

    @Test func approvingAStaleRevisionApprovesNothingAndNamesWhatChanged() throws {
        let variant = StoredVariant.pending()
        let store = try StoreFixtures.store(with: [variant])
        let shown = VariantRevision(of: variant.contentHash)
        try store.edit(variant.id, text: "Hydra arrive à Paris.", linkPlacement: .firstComment, actor: other, now: now) { _ in }
        let current = try #require(try store.variant(variant.id))
        let stale = ApprovalError.staleRevision(variantID: variant.id, shown: variant.contentHash, current: current.contentHash)
        #expect(throws: stale) {
            try store.approve(variant.id, revision: shown, actor: manager, now: now) { _ in }
        }
        #expect(try store.variant(variant.id)?.state == .pendingApproval)
        #expect(try store.auditEvents(variant: variant.id).map(\.action) == [.create, .edit])
        let changes = try #require(try store.changes(of: variant.id, since: shown))
        #expect(changes.shownText == variant.text && changes.current.text == "Hydra arrive à Paris.")
        #expect(changes.events.map(\.actor) == [other] && changes.events.map(\.action) == [.edit])
        try store.approve(variant.id, revision: VariantRevision(of: current.contentHash), actor: manager, now: now) { _ in }
        #expect(try store.variant(variant.id)?.state == .approved)
    }

    @Test func anApplyThatChangesTheTextMakesTheShownRevisionStale() throws {
        let variant = StoredVariant.pending()
        let store = try StoreFixtures.store(with: [variant])
        var rewritten = variant
        rewritten.text = "Hydra, le sérum de l'hiver."
        rewritten.contentHash = "hash:\(rewritten.text)"
        try store.apply(StoreFixtures.updating(variant, to: rewritten), actor: "apply:dana", now: now)
        #expect(throws: ApprovalError.self) {
            try store.approve(variant.id, revision: VariantRevision(of: variant.contentHash), actor: manager, now: now) { _ in }
        }
        let changes = try #require(try store.changes(of: variant.id, since: VariantRevision(of: variant.contentHash)))
        #expect(changes.shownText == variant.text && changes.current.text == rewritten.text)
        #expect(changes.events.map(\.action) == [.update] && changes.events.map(\.actor) == ["apply:dana"])
        #expect(try store.variant(variant.id)?.state == .pendingApproval)
    }

    @Test func aRevisionMayBeALongEnoughPrefix() throws {
        let variant = StoredVariant.pending(hash: "9f86d081884c7d65")
        let store = try StoreFixtures.store(with: [variant])
        #expect(throws: ApprovalError.self) {
            try store.approve(variant.id, revision: VariantRevision("9f86d08")!, actor: manager, now: now) { _ in }
        }
        try store.approve(variant.id, revision: VariantRevision("9f86d081")!, actor: manager, now: now) { _ in }
        #expect(try store.variant(variant.id)?.state == .approved)
    }

    @Test func anEditBasedOnAnOlderRevisionIsRefused() throws {
        let variant = StoredVariant.pending()
        let store = try StoreFixtures.store(with: [variant])
        let base = VariantRevision(of: variant.contentHash)
        try store.edit(
            variant.id, text: "Première retouche.", linkPlacement: .firstComment, basedOn: base, actor: other, now: now
        ) { _ in }
        #expect(throws: ApprovalError.self) {
            try store.edit(
                variant.id, text: "Seconde retouche.", linkPlacement: .firstComment, basedOn: base, actor: manager, now: now
            ) { _ in }
        }
        #expect(try store.variant(variant.id)?.text == "Première retouche.")
        #expect(try store.auditEvents(variant: variant.id).filter { $0.action == .edit }.count == 1)
    }

    @Test func anApplyBasedOnAnOlderGenerationWritesNothing() throws {
        let variant = StoredVariant.pending()
        let store = try StoreFixtures.store(with: [variant])
        let before = try store.snapshot()
        #expect(before.variants == [variant] && before.generation == StoreGeneration(lastEventID: 1))
        try store.edit(variant.id, text: "Retouche locale.", linkPlacement: .firstComment, actor: manager, now: now) { _ in }
        var moved = variant
        moved.scheduledAt = StoreFixtures.date("2026-12-02T08:00:00Z")
        #expect(throws: VariantStoreError.storeChanged(events: 1, actors: [manager])) {
            try store.apply(StoreFixtures.updating(variant, to: moved), basedOn: before.generation, actor: "apply", now: now)
        }
        #expect(try store.auditEvents(variant: variant.id).map(\.action) == [.create, .edit])
        let after = try store.snapshot()
        #expect(after.generation > before.generation)
        let plan = StoreFixtures.updating(variant, to: moved)
        #expect(try store.apply(plan, basedOn: after.generation, actor: "apply", now: now) == 1)
    }

    /// Two applies, each on its own connection to one file, both plan before either writes (a barrier
    /// holds them); then both write at once. One writes; the other is refused and, planning again,
    /// finds nothing to do: the audit log holds the update once.
    @Test func twoRacingAppliesWriteTheChangeOnce() async throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("glocal.sqlite").path
        let variant = StoredVariant.pending()
        try SQLiteVariantStore(path: path).apply(StoreFixtures.creating([variant]), actor: "test", now: now)
        var changed = variant
        changed.text = "Nouveau texte global."
        changed.contentHash = "hash:\(changed.text)"
        let stores = [try SQLiteVariantStore(path: path), try SQLiteVariantStore(path: path)]
        // Both plan first: the diff against the store as each one read it says "update".
        let snapshots = try stores.map { try $0.snapshot() }
        #expect(snapshots.allSatisfy { $0.variants == [variant] })
        let plan = StoreFixtures.updating(variant, to: changed), instant = now
        let outcomes = await withTaskGroup(of: Result<Int, any Error>.self) { group in
            for (store, generation) in zip(stores, snapshots.map(\.generation)) {
                group.addTask { Result { try store.apply(plan, basedOn: generation, actor: "apply", now: instant) } }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let written = outcomes.compactMap { try? $0.get() }
        let refusals = outcomes.compactMap { outcome -> VariantStoreError? in
            if case .failure(let error) = outcome { return error as? VariantStoreError }
            return nil
        }
        #expect(written == [1])
        #expect(refusals == [.storeChanged(events: 1, actors: ["apply"])])
        // The refused one plans again against the store as it is now: nothing is left to update.
        let fresh = try stores[1].snapshot()
        #expect(fresh.variants.first?.text == changed.text)
        let replanned = StoreFixtures.keeping(fresh.variants)
        #expect(try stores[1].apply(replanned, basedOn: fresh.generation, actor: "apply", now: now) == 0)
        #expect(try stores[0].auditEvents(variant: variant.id).map(\.action) == [.create, .update])
    }

    @Test func changesSinceARevisionNotInTheHistoryListEveryEvent() throws {
        let variant = StoredVariant.pending()
        let store = try StoreFixtures.store(with: [variant])
        let changes = try #require(try store.changes(of: variant.id, since: VariantRevision(of: "unknown")))
        #expect(changes.shownText == nil && changes.events.map(\.action) == [.create])
        #expect(try store.changes(of: "no/such/variant", since: VariantRevision(of: "x")) == nil)
    }
}

extension StoredVariant {
    /// The store fixtures' pending variant, with `hash` as its content hash if given.
    static func pending(hash: String? = nil) -> StoredVariant {
        var variant = StoreFixtures.variant()
        if let hash { variant.contentHash = hash }
        return variant
    }
}
