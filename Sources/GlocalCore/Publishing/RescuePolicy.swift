/// What happens to a job whose lease ran out (its worker died or hung), and when that is a crash
/// loop (docs/operations.md). A death says nothing about the post, so the attempt is refunded and the
/// job keeps its place; a job rescued ``maxRescues`` times is set aside for a person instead of taking
/// the dispatcher down forever.
public struct RescuePolicy: Sendable, Equatable {
    /// How many times workers may die holding one job before it is set aside for a person.
    public var maxRescues: Int

    /// The default: 10 deaths.
    public static let standard = RescuePolicy(maxRescues: 10)

    /// Creates a policy.
    public init(maxRescues: Int) { self.maxRescues = maxRescues }

    /// What to do with an expired job.
    public enum Rescue: Sendable, Equatable {
        /// Back to the queue (`retryable`), attempt refunded, same `run_at`, with this rescue count.
        case requeue(rescues: Int, reason: String)
        /// A crash loop: discard the job with this rescue count and reason, and leave its variant in
        /// `variantTo` (`nil`: as it is). A variant `publishing` or `unknown` (maybe out) is given up `unknown`;
        /// one still `scheduled` never left (a post is sent only once `publishing` is on disk): `failed`. Either
        /// way a person is told.
        case discard(rescues: Int, reason: String, variantTo: VariantState?)
    }

    /// The reason a rescued job carries.
    public static let leaseExpired = "lease expired: the worker stopped mid-attempt"

    /// How to rescue a job already rescued `previousRescues` times whose variant is in `variantState`
    /// (`nil` when the variant could not be read).
    public func rescue(previousRescues: Int, variantState: VariantState?) -> Rescue {
        let rescues = previousRescues + 1
        guard rescues < maxRescues else {
            return .discard(
                rescues: rescues,
                reason: "the worker died \(rescues) times holding this job (a crash loop?): check the account by hand",
                variantTo: Self.crashLoopTarget(of: variantState))
        }
        return .requeue(rescues: rescues, reason: Self.leaseExpired)
    }

    private static func crashLoopTarget(of state: VariantState?) -> VariantState? {
        switch state {
        case .publishing, .unknown: return .unknown
        case .scheduled: return .failed
        case .draft, .pendingApproval, .approved, .rejected, .missed, .published, .cancelled, .failed, nil: return nil
        }
    }
}
