import Foundation

extension BucketChoice {
    /// How an account with a peak belief ranks its buckets.
    struct PeakRanking {
        var method: Method
        var ranked: [Ranked]
        var bestProbability: Double?
    }

    /// Explore early, exploit later (docs/scheduling.md, "Learned timing", step 4): by expected score once the
    /// account has `exploitAfter` decayed posts (or is sure enough of its best bucket), else the buckets
    /// nearest a peak drawn at a temperature that falls with its posts. `random` draws the peak (the same
    /// draws as without ``ChoiceRule``'s options); the options draw from a stream of their own.
    static func peakRanking(
        _ items: [Ranked], belief: PeakBelief, weekday: Int, model: LearnedTiming, variantID: String,
        random: inout SeededRandom
    ) -> PeakRanking {
        let rule = model.choice
        var own = SeededRandom(text: variantID, salt: model.seed ^ 0xC401_CE00_0000_0000)
        let byMean = items.sorted { a, b in
            a.estimate.mean != b.estimate.mean ? a.estimate.mean > b.estimate.mean : a.bucket < b.bucket
        }
        if model.exploitAfter > 0, belief.weight >= model.exploitAfter {
            return exploit(byMean, method: .bestExpected, belief: belief, weekday: weekday, rule: rule, random: &own)
        }
        if rule.exploitCertainty > 0, !byMean.isEmpty {
            let sure = belief.bestProbabilities(weekday: weekday, blocks: byMean.map(\.bucket.block))[0]
            if sure >= rule.exploitCertainty {
                var result = exploit(byMean, method: .confidentBest, belief: belief, weekday: weekday, rule: rule, random: &own)
                result.bestProbability = sure
                return result
            }
        }
        let blocks = items.map(\.bucket.block)
        let cooling = model.peakPivot > 0 ? pow(min(1, model.peakPivot / max(1, belief.weight)), rule.temperaturePower) : 1
        let temperature = model.peakTemperature * cooling
        var peak = belief.samplePeak(weekday: weekday, temperature: temperature, using: &random)
        var method = Method.peakDraw
        if rule.topTwo > 0, own.uniform() < rule.topTwo {
            let leader = belief.leader(blocks: blocks, peak: peak)
            for _ in 0..<20 {
                let other = belief.samplePeak(weekday: weekday, temperature: temperature, using: &own)
                if belief.leader(blocks: blocks, peak: other) != leader {
                    peak = other
                    method = .topTwoChallenger
                    break
                }
            }
        }
        var ranked: [Ranked] = items.map { item -> Ranked in
            var drawn = item
            drawn.draw = belief.value(block: item.bucket.block, peak: peak)
            return drawn
        }
        ranked.sort { a, b in
            if a.draw != b.draw { return a.draw > b.draw }
            return a.estimate.mean != b.estimate.mean ? a.estimate.mean > b.estimate.mean : a.bucket < b.bucket
        }
        if rule.bestFloor > 0 {
            let chance = Dictionary(
                uniqueKeysWithValues: zip(blocks, belief.bestProbabilities(weekday: weekday, blocks: blocks)))
            let likely = ranked.filter { (chance[$0.bucket.block] ?? 0) >= rule.bestFloor }
            ranked = likely + ranked.filter { (chance[$0.bucket.block] ?? 0) < rule.bestFloor }
        }
        return PeakRanking(method: method, ranked: ranked, bestProbability: nil)
    }

    /// Exploiting: the buckets by expected score, the two best alternating when they are too close to tell
    /// apart (``ChoiceRule/contrastMargin``).
    private static func exploit(
        _ byMean: [Ranked], method: Method, belief: PeakBelief, weekday: Int, rule: ChoiceRule, random: inout SeededRandom
    ) -> PeakRanking {
        guard rule.contrastMargin > 0, byMean.count > 1 else { return PeakRanking(method: method, ranked: byMean) }
        let gap = belief.difference(weekday: weekday, byMean[0].bucket.block, byMean[1].bucket.block)
        guard gap.mean < rule.contrastMargin * gap.sd else { return PeakRanking(method: method, ranked: byMean) }
        var ranked = byMean
        if random.uniform() < 0.5 { ranked.swapAt(0, 1) }
        return PeakRanking(method: .contrast, ranked: ranked)
    }
}
