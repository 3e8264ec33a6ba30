/// How far a campaign's variants are through approval: one definition for every page that shows it.
///
/// A variant **counts as approved** when its approval stands and it is on its way out or out:
/// `approved`, `scheduled`, `publishing`, `unknown` (sent, outcome being reconciled) and `published`.
/// Not counted: `draft` and `pending_approval` (no decision yet), `rejected`, `cancelled` (withdrawn),
/// `failed` (the network refused it for good) and `missed` (its slot passed while held: it needs a
/// new slot or approval). The total is every stored variant of the campaign, whatever its state.
public struct CampaignProgress: Sendable, Equatable {
    /// How many variants are in each state (states with none may be absent).
    public let counts: [VariantState: Int]

    /// The progress of variants counted per state.
    public init(counts: [VariantState: Int]) { self.counts = counts }

    /// The progress of `states`, one per variant.
    public init<States: Sequence>(states: States) where States.Element == VariantState {
        var counts: [VariantState: Int] = [:]
        for state in states { counts[state, default: 0] += 1 }
        self.counts = counts
    }

    /// The states whose variants count as approved.
    public static let approvedStates: Set<VariantState> = [.approved, .scheduled, .publishing, .unknown, .published]

    /// Whether a variant in `state` counts as approved.
    public static func countsAsApproved(_ state: VariantState) -> Bool { approvedStates.contains(state) }

    /// Every variant, whatever its state.
    public var total: Int { counts.values.reduce(0, +) }

    /// The variants that count as approved.
    public var approved: Int { count(where: Self.countsAsApproved) }

    /// The variants waiting for a manager's decision.
    public var pending: Int { counts[.pendingApproval, default: 0] }

    /// The variants a manager rejected.
    public var rejected: Int { counts[.rejected, default: 0] }

    /// The variants in `state`.
    public func count(_ state: VariantState) -> Int { counts[state, default: 0] }

    private func count(where matches: (VariantState) -> Bool) -> Int {
        counts.reduce(0) { $0 + (matches($1.key) ? $1.value : 0) }
    }
}
