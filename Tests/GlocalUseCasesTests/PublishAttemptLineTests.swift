import Foundation
import GlocalCore
import GlocalDispatch
import GlocalUseCases
import Testing

/// The dispatcher's publish-attempt line as the service log writes it.
struct PublishAttemptLineTests {
    @Test func anAttemptIsOneLineWithItsOutcomeDurationAndReasonAndNothingElse() throws {
        let lines = LinesBox()
        let log = ServiceLog(format: .json, level: .info, clock: { Date(timeIntervalSince1970: 0) }, write: { lines.append($0) })
        log.publishAttempt(
            PublishAttempt(
                variantID: "hydra/launch/lum-fr-x", accountID: "lum-fr-x", network: .x, outcome: "held",
                reason: "token expired; refresh refused: invalid_grant", reconciled: true, seconds: 0.25))
        #expect(lines.all.count == 1)
        let object = try #require(JSONSerialization.jsonObject(with: Data(lines.all[0].utf8)) as? [String: Any])
        #expect(object["level"] as? String == "warning")
        #expect(object["message"] as? String == "publish attempt")
        let fields = try #require(object["fields"] as? [String: Any])
        #expect(fields["variant"] as? String == "hydra/launch/lum-fr-x")
        #expect(fields["account"] as? String == "lum-fr-x")
        #expect(fields["network"] as? String == "x")
        #expect(fields["outcome"] as? String == "held")
        #expect(fields["duration_ms"] as? Double == 250)
        #expect(fields["looked_up_first"] as? String == "yes")
        #expect(fields["reason"] as? String == "token expired; refresh refused: invalid_grant")
        #expect(Set(fields.keys) == ["variant", "account", "network", "outcome", "duration_ms", "looked_up_first", "reason"])
    }

    @Test func aPostOutWithoutItsLinkIsAWarningWithItsReason() throws {
        let lines = LinesBox()
        let log = ServiceLog(format: .json, level: .info, clock: { Date(timeIntervalSince1970: 0) }, write: { lines.append($0) })
        let note = LinkReplyFailure(carrier: .reply, error: "transient failure: HTTP 500").note
        log.publishAttempt(
            PublishAttempt(
                variantID: "hydra/launch/lum-fr-x", accountID: "lum-fr-x", network: .x, outcome: "published", reason: note,
                reconciled: false, seconds: 0.25))
        log.publishAttempt(
            PublishAttempt(
                variantID: "hydra/launch/lum-fr-x", accountID: "lum-fr-x", network: .x, outcome: "published", reason: nil,
                reconciled: false, seconds: 0.25))
        let objects = try lines.all.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.map { $0["level"] as? String } == ["warning", "info"])
        #expect((objects[0]["fields"] as? [String: Any])?["reason"] as? String == note)
    }
}
