/// Whether a running job may be taken from its holder (docs/operations.md): only when its lease ran out **and** its
/// holder is gone. Leases are judged by each node's own clock, and clocks differ (a replay's simulated clock by hours,
/// real machines by a little), so an expired lease alone says nothing: the holder may still be sending the post.
/// Liveness (a lock the holder keeps for its whole life) says whether it is; a killed node loses it at once.
public enum LeaseRescueRule {
    /// What becomes of one running job.
    public enum Decision: Sendable, Equatable {
        /// Its lease ran out and nobody is sending it: back to the queue (as ``RescuePolicy`` says).
        case rescue
        /// Left with its holder.
        case spare
    }

    /// The decision for a running job whose lease ran out (`leaseExpired`) or not, held by a node that holds its
    /// liveness lock (`holderAlive`) or not, that is this very node (`holderIsMe`: a previous incarnation with the same
    /// id, killed and restarted, or this node's own lost writes) with the job in its in-flight set (`inFlight`) or not.
    public static func decide(leaseExpired: Bool, holderAlive: Bool, holderIsMe: Bool, inFlight: Bool) -> Decision {
        guard leaseExpired else { return .spare }
        // This node holds its own lock, so its liveness says nothing of the job: only its in-flight set does.
        if holderIsMe { return inFlight ? .spare : .rescue }
        return holderAlive ? .spare : .rescue
    }
}
