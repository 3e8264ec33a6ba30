import Foundation
import GlocalCore
import Testing

@testable import GlocalServer

/// The variant page of a post the dispatcher gave up with its outcome unknown says so, why, and what to check.
struct VariantGivenUpNoticeTests {
    static let at = Date(timeIntervalSince1970: 1_796_115_600)

    @Test func anUnknownVariantGivenUpSaysWhyAndWhatToCheck() {
        var variant = ServerFixture.variant(account: "lumiere-fr-x", network: .x)
        variant.state = .unknown
        let giveUp = AuditEvent(
            id: 2, at: Self.at, actor: "dispatcher", variantID: variant.id, action: .setState, fromState: .unknown,
            toState: .unknown, before: nil, after: nil, reason: "gave up with the outcome unknown after 8 attempts (timeout)")
        let notice = VariantPage.givenUp(variant, history: [giveUp]).rendered
        #expect(notice.contains("Given up: gave up with the outcome unknown after 8 attempts (timeout)."))
        #expect(notice.contains("look for the post on lumiere-fr-x"))
        // Nothing once a look-up or a person settled it, nor for a variant merely unknown.
        variant.state = .published
        #expect(VariantPage.givenUp(variant, history: [giveUp]).rendered.isEmpty)
        variant.state = .unknown
        #expect(VariantPage.givenUp(variant, history: []).rendered.isEmpty)
    }
}
