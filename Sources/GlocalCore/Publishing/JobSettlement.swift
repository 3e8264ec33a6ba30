import Foundation

/// What one attempt's outcome does to the job and its variant: the outcome → job-resolution table
/// (docs/architecture.md, publish queue). Pure: the store applies it in one transaction guarded by
/// the lease, moving the variant only when it is not already in ``variantState``.
public struct JobSettlement: Sendable, Equatable {
    /// What becomes of the job.
    public enum JobEnd: Sendable, Equatable {
        /// Done: the post is out.
        case complete
        /// Back in the queue at `at`, with `reason` as its last error; `refundAttempt` gives back the
        /// attempt the claim counted (an answer that says nothing about the post).
        case requeue(at: Date, reason: String, refundAttempt: Bool)
        /// Given up (dead letter) for the reason given.
        case discard(reason: String)
    }

    /// The state the variant ends in.
    public var variantState: VariantState
    /// The job's next run or its end.
    public var job: JobEnd
    /// Where the post is on its network, to record (only when it is out).
    public var publication: PublishReceipt?
    /// Why the account waits for a new token, to record on it (only on a hold).
    public var needsReconnect: String?
    /// The post is out but its link reply or first comment failed: the variant stays `published`, and the store
    /// writes the failure's note as its event and the job's last error, so a person is told (only when it is out).
    public var linkReplyFailure: LinkReplyFailure?

    /// Creates a settlement.
    public init(
        variantState: VariantState, job: JobEnd, publication: PublishReceipt? = nil, needsReconnect: String? = nil,
        linkReplyFailure: LinkReplyFailure? = nil
    ) {
        self.variantState = variantState
        self.job = job
        self.publication = publication
        self.needsReconnect = needsReconnect
        self.linkReplyFailure = linkReplyFailure
    }

    /// Whether the job is given up while its outcome is unknown (maybe posted, maybe not): a person must look.
    public var givenUpUnknown: Bool {
        guard case .discard = job else { return false }
        return variantState == .unknown
    }

    /// Why the job is given up, if it is (a failure, attempts exhausted, or an outcome never learned).
    public var discardReason: String? {
        guard case .discard(let reason) = job else { return nil }
        return reason
    }

    /// How `resolution` settles a job after its `attempt`-th claim (the count as stored, refunds
    /// applied), due at `runAt`, under `policy`.
    public static func settling(
        _ resolution: JobResolution, attempt: Int, runAt: Date, policy: RetryPolicy
    ) -> JobSettlement {
        switch resolution {
        case .published(let receipt):
            return JobSettlement(
                variantState: .published, job: .complete, publication: receipt,
                linkReplyFailure: LinkReplyFailure(receipt: receipt))
        case .retry(let at, let reason, let countsAsAttempt):
            guard !countsAsAttempt || policy.allowsAnotherAttempt(after: attempt) else {
                return JobSettlement(variantState: .failed, job: .discard(reason: "gave up after \(attempt) attempts: \(reason)"))
            }
            return JobSettlement(
                variantState: .scheduled, job: .requeue(at: at, reason: reason, refundAttempt: !countsAsAttempt))
        case .reconcile(let at, let reason):
            guard policy.allowsAnotherAttempt(after: attempt) else {
                // Maybe out, maybe not: never marked failed (that would invite a resend). A person decides.
                return JobSettlement(
                    variantState: .unknown,
                    job: .discard(
                        reason:
                            "gave up with the outcome unknown after \(attempt) attempts (\(reason)): the post may be on the network; check the account by hand before posting it again"
                    ))
            }
            return JobSettlement(variantState: .unknown, job: .requeue(at: at, reason: reason, refundAttempt: false))
        case .hold(let reason):
            // The job keeps its place and its attempt; the account waits for a new token.
            return JobSettlement(
                variantState: .scheduled, job: .requeue(at: runAt, reason: reason, refundAttempt: true), needsReconnect: reason)
        case .fail(let reason):
            return JobSettlement(variantState: .failed, job: .discard(reason: reason))
        }
    }
}
