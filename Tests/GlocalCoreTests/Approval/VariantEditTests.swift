import Foundation
import Testing

@testable import GlocalCore

/// What an edit does to a variant, the same for every store: a new text waits for a fresh approval.
struct VariantEditTests {
    static func variant(state: VariantState, sourceHash: String? = nil) -> StoredVariant {
        let text = "Votre peau a soif ?"
        return StoredVariant(
            id: "hydra/launch/lumiere-fr-x", campaignID: "hydra", postID: "launch", accountID: "lumiere-fr-x", network: .x,
            locale: "fr-FR", kind: .informative, text: text, title: nil, link: "https://example.com/hydra",
            linkPlacement: .inline, media: [],
            contentHash: Planner.contentHash(
                text: text, title: nil, link: "https://example.com/hydra", linkPlacement: .inline, media: []),
            scheduledAt: nil, localTime: "2026-12-01 09:15", timeZone: "Europe/Paris", live: false, state: state,
            explanation: [], sourceHash: sourceHash)
    }

    @Test(arguments: [VariantState.pendingApproval, .approved, .scheduled, .rejected])
    func anEditedVariantWaitsForAFreshApprovalWhateverItWas(_ state: VariantState) throws {
        let current = Self.variant(state: state)
        let edited = try #require(try current.edited(text: "Votre peau a faim ?", linkPlacement: .firstComment))
        #expect(edited.state == .pendingApproval)
        #expect(edited.text == "Votre peau a faim ?" && edited.linkPlacement == .firstComment)
        #expect(
            edited.contentHash
                == Planner.contentHash(
                    text: "Votre peau a faim ?", title: nil, link: current.link, linkPlacement: .firstComment, media: []))
        // The plan's hash is kept, so a later plan knows the text was changed by hand.
        #expect(edited.sourceHash == current.contentHash)
        let again = try #require(try edited.edited(text: "Encore", linkPlacement: .inline))
        #expect(again.sourceHash == current.contentHash)
    }

    @Test func theSameContentChangesNothing() throws {
        let current = Self.variant(state: .approved)
        #expect(try current.edited(text: current.text, linkPlacement: current.linkPlacement) == nil)
    }

    @Test(arguments: VariantState.allCases.filter { ![.pendingApproval, .approved, .scheduled, .rejected].contains($0) })
    func nothingOnItsWayOrOverIsEdited(_ state: VariantState) {
        #expect(throws: ApprovalError.wrongState(variantID: "hydra/launch/lumiere-fr-x", state: state)) {
            try Self.variant(state: state).edited(text: "Votre peau a faim ?", linkPlacement: .inline)
        }
    }

    @Test func aRejectionNeedsAReasonBesidesBlanks() throws {
        #expect(try ApprovalError.rejectionReason("  wrong price \n") == "wrong price")
        #expect(throws: ApprovalError.reasonRequired) { try ApprovalError.rejectionReason(" \n\t") }
    }

    @Test func aRejectionReasonHoldingAControlCharacterIsRefused() throws {
        // A NUL was stored whole but read back cut at it: "a" of "a\0b".
        #expect(throws: ApprovalError.reasonControl("\u{0}")) { try ApprovalError.rejectionReason("a\u{0}b") }
        #expect(throws: ApprovalError.reasonControl("\u{8}")) { try ApprovalError.rejectionReason("wrong\u{8}price") }
        #expect(try ApprovalError.rejectionReason("wrong price\r\nsee\tbrief") == "wrong price\r\nsee\tbrief")
        #expect(
            ApprovalError.reasonControl("\u{0}").description
                == "the rejection reason holds U+0000 NULL, a control character: type it again without it; nothing was written")
    }

    @Test func aRejectionReasonLongerThanFiveHundredCharactersIsRefused() throws {
        let longest = String(repeating: "é", count: ApprovalError.maxReasonLength)
        #expect(try ApprovalError.rejectionReason("  " + longest + "\n") == longest)
        #expect(throws: ApprovalError.reasonTooLong(501)) { try ApprovalError.rejectionReason(longest + "x") }
        #expect(
            ApprovalError.reasonTooLong(501).description
                == "the rejection reason has 501 characters, more than the 500 a reason may have: shorten it; nothing was written"
        )
    }

    @Test func aPlanCancelsOnlyWhatIsNeitherOutNorOver() {
        let cancellable = VariantState.allCases.filter(\.isCancellable)
        #expect(Set(cancellable) == [.draft, .pendingApproval, .approved, .scheduled, .missed])
    }
}
