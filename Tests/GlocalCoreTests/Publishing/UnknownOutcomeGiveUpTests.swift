import Foundation
import GlocalCore
import Testing

/// A variant's give-up with its outcome unknown is read from its history: the last state event, `unknown` to
/// `unknown` with its reason; any later move (a person's, a look-up's) means it no longer stands.
struct UnknownOutcomeGiveUpTests {
    static let at = Date(timeIntervalSince1970: 1_796_115_600)

    func event(_ id: Int64, from: VariantState?, to: VariantState?, reason: String? = nil) -> AuditEvent {
        AuditEvent(
            id: id, at: Self.at.addingTimeInterval(Double(id)), actor: "dispatcher", variantID: "c/p/a", action: .setState,
            fromState: from, toState: to, before: nil, after: nil, reason: reason)
    }

    @Test func theLastStateEventTells() {
        let history = [
            event(1, from: .scheduled, to: .publishing), event(2, from: .publishing, to: .unknown),
            event(3, from: .unknown, to: .unknown, reason: "gave up with the outcome unknown after 8 attempts (timeout)"),
        ]
        #expect(
            UnknownOutcomeGiveUp.latest(in: history)
                == UnknownOutcomeGiveUp(
                    reason: "gave up with the outcome unknown after 8 attempts (timeout)", at: Self.at.addingTimeInterval(3)))
        #expect(UnknownOutcomeGiveUp.latest(in: Array(history.prefix(2))) == nil)
        #expect(UnknownOutcomeGiveUp.latest(in: history + [event(4, from: .unknown, to: .published)]) == nil)
    }

    @Test func theAdviceSaysWhereToLook() {
        let advice = UnknownOutcomeGiveUp.advice(accountID: "lum-fr-x", network: .x)
        #expect(advice.contains("whether X published it") && advice.contains("look for the post on lum-fr-x"))
    }
}
