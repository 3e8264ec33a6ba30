import Foundation
import GRDB
import GlocalCore
import Testing

@testable import GlocalStore

/// `apply` writes new variants many rows per statement: every row must arrive intact, and a bad row
/// in the middle of a batch must still be named precisely.
struct BatchInsertTests {
    private let now = StoreFixtures.now

    @Test(arguments: [1, 31, 32, 33, 100])
    func everyCreatedVariantAndEventIsWrittenWhateverTheBatchBoundary(count: Int) throws {
        let variants = (0..<count).map { StoreFixtures.variant(account: "account-\(1000 + $0)", text: "Text \($0)\nline 2") }
        let store = try StoreFixtures.store()
        #expect(try store.apply(StoreFixtures.creating(variants), actor: "cli", now: now) == count)
        #expect(try store.allVariants() == variants.sorted { $0.id < $1.id })
        let events = try store.auditEvents()
        #expect(events.count == count)
        #expect(events.map(\.variantID) == variants.map(\.id))
        #expect(events.allSatisfy { $0.action == .create && $0.after?.contains("line 2") == true })
    }

    @Test func aPlanLongerThanOnePreparedChunkIsWrittenWholeAndInOrder() throws {
        let existing = StoreFixtures.variant(account: "account-0000")
        let store = try StoreFixtures.store(with: [existing])
        let count = PreparedCreates.chunkSize * 2 + 7
        let fresh = (1...count).map { StoreFixtures.variant(account: String(format: "account-%05d", $0)) }
        var plan = StoreFixtures.creating(Array(fresh.prefix(PreparedCreates.chunkSize + 3)))
        // A cancel between chunks: creates before it are written first, those after it after.
        plan.changes += StoreFixtures.cancelling(existing).changes
        plan.changes += StoreFixtures.creating(Array(fresh.dropFirst(PreparedCreates.chunkSize + 3))).changes
        #expect(try store.apply(plan, actor: "cli", now: now) == count + 1)
        #expect(try store.allVariants().count == count + 1)
        #expect(try store.variant(existing.id)?.state == .cancelled)
        let events = try store.auditEvents().dropFirst()  // the fixture's own create
        #expect(events.map(\.variantID) == plan.changes.map(\.id))
    }

    @Test func emptyAndUnicodeTextsAreStoredAsTextNotNull() throws {
        let variants = [
            StoredVariant(copying: StoreFixtures.variant(account: "empty-title"), title: ""),
            StoreFixtures.variant(account: "emoji", text: "Café 👩🏽‍💻 中文 \"quoted\" \\ back"),
        ]
        let store = try StoreFixtures.store()
        try store.apply(StoreFixtures.creating(variants), actor: "cli", now: now)
        let titleTypes = try store.writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT typeof(title) FROM variant WHERE id IN (?, ?) ORDER BY id = ? DESC",
                arguments: [variants[0].id, variants[1].id, variants[0].id])
        }
        #expect(titleTypes == ["text", "null"])
        #expect(try store.variant(variants[0].id)?.title == "")
        #expect(try store.variant(variants[1].id)?.text == variants[1].text)
    }

    @Test func aBadRowInTheMiddleOfABatchIsNamedAndNothingIsWritten() throws {
        var variants = (0..<40).map { StoreFixtures.variant(account: "account-\(1000 + $0)") }
        variants[17].contentHash = ""  // breaks `CHECK (content_hash <> '')`
        let store = try StoreFixtures.store()
        let error = #expect(throws: VariantStoreError.self) {
            try store.apply(StoreFixtures.creating(variants), actor: "cli", now: now)
        }
        guard case .statementFailed(let action, let variantID, let message) = error else {
            Issue.record("unexpected error \(String(describing: error))")
            return
        }
        #expect(action == "create" && variantID == variants[17].id)
        #expect(message.contains("CHECK constraint failed"))
        #expect(try store.allVariants().isEmpty)
        #expect(try store.auditEvents().isEmpty)
    }
}

extension StoredVariant {
    /// `variant` with another title.
    init(copying variant: StoredVariant, title: String?) {
        self = variant
        self.title = title
    }
}
