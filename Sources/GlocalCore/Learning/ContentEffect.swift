import Foundation

/// How well a post's content did wherever it went out, taken out of each account's result before the learner
/// compares that account's hours (docs/scheduling.md, "Content taken out").
///
/// A campaign's post goes out on many accounts of one network (variant ids `campaign/post/account`). A good post
/// does well on all of them, whatever the hour, so part of a post's luck is shared with its siblings. For each
/// network, a one-way random-effects analysis of the posts' residuals (`log(engagement + 1)` less the account's
/// mean) splits their variance into the content's share and the rest. Each post's effect is the mean residual of
/// the **other** accounts that carried it (its own result never explains itself), shrunk by how much such a mean
/// says: `shared / (shared + rest / others)`. Where content explains less than ``minimumSharedShare`` of the
/// variance, nothing moves: an estimate that small is mostly its own noise.
public struct ContentEffect: Sendable, Equatable {
    /// The fewest other accounts that must have carried a post for its effect to be taken out.
    public var minimumOthers: Int
    /// The fewest distinct posts (with siblings) a network needs before its variance is split.
    public var minimumPosts: Int
    /// The least share of the residual variance content must explain in a network for its effect to be taken out.
    public var minimumSharedShare: Double

    /// Creates the adjustment; the defaults are docs/scheduling.md's.
    public init(minimumOthers: Int = 2, minimumPosts: Int = 5, minimumSharedShare: Double = 0.05) {
        self.minimumOthers = minimumOthers
        self.minimumPosts = minimumPosts
        self.minimumSharedShare = minimumSharedShare
    }

    /// A network's split of residual variance: what posts share with their siblings, and the rest.
    public struct Components: Sendable, Equatable {
        /// The variance of the content's effect, shared by every account that carried the post.
        public var shared: Double
        /// The variance left in one account's result once the content's effect is known.
        public var individual: Double
        /// The share of a post's residual variance that its content explains.
        public var sharedShare: Double { shared + individual > 0 ? shared / (shared + individual) : 0 }
    }

    /// The post a variant id names, without its account: `campaign/post` of `campaign/post/account`.
    public static func post(of variantID: String) -> Substring {
        guard let slash = variantID.lastIndex(of: "/") else { return variantID[...] }
        return variantID[..<slash]
    }

    /// The variance split per network, from the observations that know their engagement.
    public func components(
        _ observations: [EngagementObservation], expected: (EngagementObservation) -> Double? = { _ in nil }
    ) -> [Network: Components] {
        groups(observations, expected: expected).compactMapValues { split($0)?.components }
    }

    /// What one pass over the observations found.
    public struct Estimate: Sendable, Equatable {
        /// Each observation's content effect, on the scale of `log(engagement + 1)` (0 where none is taken out).
        public var effects: [Double]
        /// Per network where effects are taken out, the share of the residual variance content explains.
        public var shares: [Network: Double]
    }

    /// Each observation's estimated content effect, and the networks where content explains enough to take it out.
    ///
    /// `expected` is what the timing model expects of a post, on the scale of `log(engagement + 1)` less the
    /// account's mean (`nil`: nothing): a residual is what is left beyond it. Without it, the hours themselves
    /// would pass for content: while a fleet learns, its early posts, at worse hours, would all look like weak
    /// posts, and taking that out would make the hours they went out at look better than they are.
    public func estimate(
        _ observations: [EngagementObservation], expected: (EngagementObservation) -> Double? = { _ in nil }
    ) -> Estimate {
        var result = Estimate(effects: Array(repeating: 0, count: observations.count), shares: [:])
        for (network, groups) in groups(observations, expected: expected) {
            guard let (components, grand) = split(groups), components.shared > 0,
                components.sharedShare >= minimumSharedShare
            else { continue }
            result.shares[network] = components.sharedShare
            for group in groups where group.members.count > minimumOthers {
                let others = Double(group.members.count - 1)
                let shrink = components.shared / (components.shared + components.individual / others)
                for member in group.members {
                    result.effects[member.index] = shrink * ((group.sum - member.residual) / others - grand)
                }
            }
        }
        return result
    }

    /// `observations` with each post's estimated content effect (``estimate(_:expected:)``) subtracted from its
    /// `logEngagement` and `score`.
    public func adjusted(
        _ observations: [EngagementObservation], expected: (EngagementObservation) -> Double? = { _ in nil }
    ) -> [EngagementObservation] {
        Self.subtracting(estimate(observations, expected: expected).effects, from: observations)
    }

    /// `observations` with `effects` (one per observation) subtracted from their `logEngagement` and `score`.
    public static func subtracting(_ effects: [Double], from observations: [EngagementObservation]) -> [EngagementObservation] {
        var result = observations
        for (index, effect) in effects.enumerated() where effect != 0 {
            result[index].score -= effect
            result[index].logEngagement = result[index].logEngagement.map { $0 - effect }
        }
        return result
    }

    /// The posts of one network that went out on one account or more: each member's index and residual.
    struct Group {
        var members: [(index: Int, residual: Double)] = []
        var sum = 0.0

        mutating func add(_ index: Int, _ residual: Double) {
            members.append((index, residual))
            sum += residual
        }
    }

    /// Per network, the groups of sibling posts, each post's residual taken from its account's mean and what
    /// `expected` expects of it.
    func groups(_ observations: [EngagementObservation], expected: (EngagementObservation) -> Double?) -> [Network: [Group]] {
        var accountSums: [String: (sum: Double, count: Double)] = [:]
        for item in observations {
            guard let value = item.logEngagement else { continue }
            let key = AccountTimingEstimate.key(item.accountID, item.network)
            accountSums[key, default: (0, 0)].sum += value
            accountSums[key, default: (0, 0)].count += 1
        }
        // Groups are kept in the order their posts first appear, never a dictionary's: sums over them then come
        // out the same, to the last bit, in every process.
        var groups: [Network: [Group]] = [:]
        var positions: [Network: [Substring: Int]] = [:]
        for (index, item) in observations.enumerated() {
            guard let value = item.logEngagement,
                let account = accountSums[AccountTimingEstimate.key(item.accountID, item.network)], account.count >= 2
            else { continue }
            let residual = value - account.sum / account.count - (expected(item) ?? 0)
            let post = Self.post(of: item.variantID)
            if let position = positions[item.network]?[post] {
                groups[item.network]![position].add(index, residual)
            } else {
                positions[item.network, default: [:]][post] = groups[item.network, default: []].count
                var group = Group()
                group.add(index, residual)
                groups[item.network, default: []].append(group)
            }
        }
        return groups
    }

    /// One network's one-way random-effects split (method of moments, unbalanced groups) and the mean residual of
    /// the posts it used (those carried by two accounts or more), or `nil` with too few of them.
    func split(_ groups: [Group]) -> (components: Components, grand: Double)? {
        let shared = groups.filter { $0.members.count >= 2 }
        guard shared.count >= minimumPosts else { return nil }
        let total = Double(shared.reduce(0) { $0 + $1.members.count })
        let grand = shared.reduce(0) { $0 + $1.sum } / total
        var within = 0.0, between = 0.0, squares = 0.0
        for group in shared {
            let n = Double(group.members.count), mean = group.sum / n
            within += group.members.reduce(0) { $0 + ($1.residual - mean) * ($1.residual - mean) }
            between += n * (mean - grand) * (mean - grand)
            squares += n * n
        }
        let g = Double(shared.count)
        let individual = within / (total - g)
        let typical = (total - squares / total) / (g - 1)
        return (Components(shared: max(0, (between / (g - 1) - individual) / typical), individual: individual), grand)
    }
}
