import Foundation
import GlocalCore
import Testing

/// The outcome → job-resolution table: what each answer of a network does to the job and its variant.
struct JobSettlementTests {
    let policy = RetryPolicy(maxAttempts: 3, baseDelay: 30, maxDelay: 600, jitter: 0)
    let runAt = Date(timeIntervalSince1970: 1_800_000_000)
    let later = Date(timeIntervalSince1970: 1_800_000_600)

    @Test func aPublishedPostCompletesTheJobAndKeepsItsReceipt() {
        let receipt = PublishReceipt(remoteID: "42", url: "https://example.test/42", extra: ["cid": "c"])
        let settlement = JobSettlement.settling(.published(receipt), attempt: 3, runAt: runAt, policy: policy)
        #expect(settlement == JobSettlement(variantState: .published, job: .complete, publication: receipt))
    }

    @Test func aPostOutWithoutItsLinkStaysPublishedWithTheFailureToTell() {
        let receipt = PublishReceipt(remoteID: "42", extra: ["reply_error": "transient failure: HTTP 500"])
        let settlement = JobSettlement.settling(.published(receipt), attempt: 1, runAt: runAt, policy: policy)
        #expect(settlement.variantState == .published && settlement.job == .complete && settlement.publication == receipt)
        #expect(settlement.linkReplyFailure == LinkReplyFailure(carrier: .reply, error: "transient failure: HTTP 500"))
        #expect(settlement.discardReason == nil)
    }

    @Test func aRetryThatCountsRequeuesWhileAttemptsRemain() {
        let settlement = JobSettlement.settling(
            .retry(at: later, reason: "503", countsAsAttempt: true), attempt: 2, runAt: runAt, policy: policy)
        #expect(settlement.variantState == .scheduled)
        #expect(settlement.job == .requeue(at: later, reason: "503", refundAttempt: false))
        #expect(settlement.publication == nil && settlement.needsReconnect == nil)
    }

    @Test func aRetryThatCountsFailsTheVariantOnceAttemptsAreSpent() {
        let settlement = JobSettlement.settling(
            .retry(at: later, reason: "503", countsAsAttempt: true), attempt: 3, runAt: runAt, policy: policy)
        #expect(settlement == JobSettlement(variantState: .failed, job: .discard(reason: "gave up after 3 attempts: 503")))
    }

    @Test func aRateLimitNeverSpendsAnAttempt() {
        let settlement = JobSettlement.settling(
            .retry(at: later, reason: "429", countsAsAttempt: false), attempt: 3, runAt: runAt, policy: policy)
        #expect(
            settlement == JobSettlement(variantState: .scheduled, job: .requeue(at: later, reason: "429", refundAttempt: true)))
    }

    @Test func anUnsureOutcomeIsReconciledAndNeverMarkedFailed() {
        let again = JobSettlement.settling(.reconcile(at: later, reason: "timeout"), attempt: 2, runAt: runAt, policy: policy)
        #expect(again == JobSettlement(variantState: .unknown, job: .requeue(at: later, reason: "timeout", refundAttempt: false)))
        let spent = JobSettlement.settling(.reconcile(at: later, reason: "timeout"), attempt: 3, runAt: runAt, policy: policy)
        #expect(spent.variantState == .unknown)
        #expect(
            spent.job
                == .discard(
                    reason:
                        "gave up with the outcome unknown after 3 attempts (timeout): the post may be on the network; check the account by hand before posting it again"
                ))
    }

    @Test func aHoldKeepsTheJobsPlaceAndAttemptAndMarksTheAccount() {
        let settlement = JobSettlement.settling(.hold(reason: "token revoked"), attempt: 3, runAt: runAt, policy: policy)
        #expect(
            settlement
                == JobSettlement(
                    variantState: .scheduled, job: .requeue(at: runAt, reason: "token revoked", refundAttempt: true),
                    needsReconnect: "token revoked"))
    }

    @Test func aRefusalIsADeadLetter() {
        let settlement = JobSettlement.settling(.fail(reason: "text too long"), attempt: 1, runAt: runAt, policy: policy)
        #expect(settlement == JobSettlement(variantState: .failed, job: .discard(reason: "text too long")))
    }

    /// Every settlement moves a variant that is being published where the state machine allows it.
    @Test func everySettlementIsAnAllowedMoveFromPublishing() {
        let resolutions: [JobResolution] = [
            .published(PublishReceipt(remoteID: "1")), .retry(at: later, reason: "r", countsAsAttempt: true),
            .retry(at: later, reason: "r", countsAsAttempt: false), .reconcile(at: later, reason: "r"), .hold(reason: "r"),
            .fail(reason: "r"),
        ]
        for resolution in resolutions {
            for attempt in 1...4 {
                let state = JobSettlement.settling(resolution, attempt: attempt, runAt: runAt, policy: policy).variantState
                #expect(VariantTransitions.allows(.publishing, state), "\(resolution) → \(state)")
            }
        }
    }
}
