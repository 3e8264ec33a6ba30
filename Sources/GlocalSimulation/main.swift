import Foundation
import GlocalCore

// glocal-simulate: learned timing against the default table, random times and an oracle, in a
// simulation held to published engagement studies (docs/scheduling.md, "Simulation").
// Usage: glocal-simulate [--accounts 120] [--weeks 12] [--seed 6] [--noise 0.5] [--json]
//   learner settings, for tuning: [--prior-weight N] [--weekday-weight N] [--half-life-weeks N]
//   [--smoothing S] [--exploration S] [--peak-temperature T] [--weekday-change P] [--ridge N] [--no-peak-curve | --peak-curve] [--median-scores]
//   peak model (the default; --buckets: the bucket estimates alone): [--peak-pivot N] [--exploit-after N]
//   [--account-noise N] [--alternate-peak] [--peak-drift] (--peak-likelihood, the old switch, changes nothing)
//   [--learn-weekdays W] (each weekday's chance of its own peak learned from the fleet, prior worth W accounts; 0: off)
//   [--region-shrink K] (the prior's centre: the region's accounts against the network's centre worth K; 0: off)
//   [--drift-averaging 1] (with --peak-drift: the drifts averaged by their posterior, not the likeliest kept)
//   [--uniform-share S] [--peak-spread-floor H] (the peak prior: share spread evenly, least spread in hours)
//   [--weekday-levels W] (the network's weekday levels learned from its residuals, zero worth W posts; 0: off)
//   [--replicate R] (the learner's draws reseeded: the same world and luck, other choices; 0: as always)
//   holdout: [--holdout-share S] (default Holdout.share) [--holdout-posts PATH] (the learner's posts as CSV)
//   decision rule: [--temperature-power P] [--exploit-certainty P] [--top-two B] [--best-floor P] [--contrast-margin K]
//   [--no-bound] (skips the hindsight bound) [--bound-ablation] (the bound forgetting one knowledge at a time)
//   early reading (velocity): [--share-noise S] (σ of the +1 h share, default 0.5) [--early-weight W]
//   (0: the learner ignores the +1 h reading; default the estimator's) [--early-minimum N]
//   content: [--shared-luck S] (the share of a post's luck its content brings, shared by the network's accounts
//   that carried it; default 0) [--content-effect 1|0] (the learner takes the content effect out; default the estimator's)

var options: [String: String] = [:]
var json = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let name = arguments.next() {
    if name == "--json" {
        json = true
        continue
    }
    if [
        "--no-peak-curve", "--peak-curve", "--median-scores", "--no-bound", "--peak-likelihood", "--bound-ablation",
        "--alternate-peak", "--peak-drift", "--buckets",
    ].contains(name) {
        options[String(name.dropFirst(2))] = "1"
        continue
    }
    guard name.hasPrefix("--"), let value = arguments.next() else {
        FileHandle.standardError.write(
            Data("usage: glocal-simulate [--accounts N] [--weeks N] [--seed N] [--noise SIGMA] [--json]\n".utf8))
        exit(64)
    }
    options[String(name.dropFirst(2))] = value
}
let given = options
func number(_ name: String, _ fallback: Double) -> Double { given[name].flatMap(Double.init) ?? fallback }
let accountCount = Int(options["accounts"] ?? "120") ?? 120
let weeks = Int(options["weeks"] ?? "12") ?? 12
let seed = UInt64(options["seed"] ?? "6") ?? 6
let noise = number("noise", 0.5)
let defaults = LearnedTimingEstimator()
let curveDefaults = PeakCurveFit()
let curve =
    options["no-peak-curve"] != nil || (defaults.peakCurve == nil && options["peak-curve"] == nil)
    ? nil
    : PeakCurveFit(
        ridge: number("ridge", curveDefaults.ridge), weekdayChange: number("weekday-change", curveDefaults.weekdayChange))
// velocity (issue 18): the early (+1 h) reading's options, in one block.
func earlyReading(_ fallback: EarlyReadingEvidence?) -> EarlyReadingEvidence? {
    guard given["early-weight"] != nil || given["early-minimum"] != nil else { return fallback }
    let base = fallback ?? EarlyReadingEvidence()
    let weight = number("early-weight", base.weight)
    return weight > 0
        ? EarlyReadingEvidence(weight: weight, minimumInteractions: number("early-minimum", base.minimumInteractions)) : nil
}

let estimator = LearnedTimingEstimator(
    priorWeight: number("prior-weight", defaults.priorWeight), weekdayWeight: number("weekday-weight", defaults.weekdayWeight),
    halfLife: number("half-life-weeks", defaults.halfLife / 604_800) * 604_800,
    smoothing: number("smoothing", defaults.smoothing), exploration: number("exploration", defaults.exploration),
    peakCurve: curve, peakTemperature: number("peak-temperature", defaults.peakTemperature),
    accountCentred: options["median-scores"] == nil,
    peakLikelihood: options["buckets"] != nil
        ? nil
        : PeakLikelihoodFit(
            weekdayChange: number("weekday-change", PeakLikelihoodFit().weekdayChange),
            // model: the prior's width (`--uniform-share S`, `--peak-spread-floor H`).
            uniformShare: number("uniform-share", PeakLikelihoodFit().uniformShare),
            peakSpreadRange: number(
                "peak-spread-floor", PeakLikelihoodFit().peakSpreadRange.lowerBound)...max(
                    PeakLikelihoodFit().peakSpreadRange.upperBound, number("peak-spread-floor", 0)),
            // curve (issue 18): the peak model's noise per account and shared alternate peak.
            accountNoiseWeight: number("account-noise", PeakLikelihoodFit().accountNoiseWeight),
            sharedAlternate: options["alternate-peak"] != nil || PeakLikelihoodFit().sharedAlternate,
            drifts: options["peak-drift"] != nil ? PeakLikelihoodFit.driftPrior : PeakLikelihoodFit().drifts,
            // model (issue 18): which weekdays differ, learned from the fleet (`--learn-weekdays W`: the prior's weight).
            weekdayLearning: given["learn-weekdays"].map { _ in
                number("learn-weekdays", 0) > 0
                    ? WeekdayChangePrior(
                        prior: number("weekday-change", WeekdayChangePrior().prior), priorWeight: number("learn-weekdays", 10))
                    : nil
            } ?? PeakLikelihoodFit().weekdayLearning,
            // model: the prior's centre shrunk from the region toward the network (`--region-shrink K`, 0: off).
            regionShrink: given["region-shrink"].map { _ in number("region-shrink", 0) > 0 ? number("region-shrink", 0) : nil }
                ?? PeakLikelihoodFit().regionShrink,
            // model: average the drifts by their posterior rather than keep the likeliest (`--drift-averaging 1`).
            driftAveraging: given["drift-averaging"].map { $0 != "0" } ?? PeakLikelihoodFit().driftAveraging,
            // model: the network's weekday levels (`--weekday-levels W`: zero worth W posts; 0: off).
            weekdayLevelWeight: given["weekday-levels"].map { _ in
                number("weekday-levels", 0) > 0 ? number("weekday-levels", 0) : nil
            } ?? PeakLikelihoodFit().weekdayLevelWeight),
    peakPivot: number("peak-pivot", defaults.peakPivot), exploitAfter: number("exploit-after", defaults.exploitAfter),
    earlyReading: earlyReading(defaults.earlyReading),
    // content (issue 18): the content effect measured on sibling accounts (`--content-effect 1`; 0: off).
    contentEffect: given["content-effect"].map { $0 == "0" ? nil : ContentEffect() } ?? defaults.contentEffect)

var random = SeededRandom(seed: seed)
let fleet = SimulatedAccount.fleet(count: accountCount, random: &random)
var simulation = TimingSimulation(accounts: fleet, weeks: weeks, seed: seed, noise: noise, estimator: estimator)
simulation.holdoutShare = number("holdout-share", Holdout.share)
simulation.shareNoise = number("share-noise", simulation.shareNoise)
simulation.sharedLuck = min(1, max(0, number("shared-luck", simulation.sharedLuck)))
if let text = options["replicate"] {
    guard let replicate = UInt64(text) else {
        FileHandle.standardError.write(Data("glocal-simulate: --replicate takes a whole number ≥ 0, not '\(text)'\n".utf8))
        exit(64)
    }
    simulation.replicate = replicate
}
// choice (issue 18): the decision rule's options (ChoiceRule), in one block.
let rule = ChoiceRule()
simulation.choice = ChoiceRule(
    temperaturePower: number("temperature-power", rule.temperaturePower),
    exploitCertainty: number("exploit-certainty", rule.exploitCertainty), topTwo: number("top-two", rule.topTwo),
    bestFloor: number("best-floor", rule.bestFloor), contrastMargin: number("contrast-margin", rule.contrastMargin))
let result = simulation.run()
let summary = SimulationSummary(
    posts: result.posts, fleet: fleet, peaks: result.peaks, weeks: weeks, accounts: accountCount, seed: seed, noise: noise,
    holdoutShare: simulation.holdoutShare, contentEffect: estimator.contentEffect)
var figures = summary.figures
// holdout (issue 18): the learner's posts, with the table's engagement for each, for studying the estimator.
if let path = options["holdout-posts"] {
    do {
        try summary.holdoutPostsCSV.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
        FileHandle.standardError.write(Data("glocal-simulate: cannot write --holdout-posts \(path): \(error)\n".utf8))
        exit(73)
    }
}
var boundLines: [String] = []
if options["no-bound"] == nil {
    // The attainable bound (docs/scheduling.md, "Simulation"): a hindsight baseline, not a learner.
    let bound = HindsightBound(simulation: simulation, accountSpread: SimulatedAccount.Assumptions().accountSpread)
    boundLines = ["", "hindsight bound (knows the world but each account's peak; a baseline, not a learner):"]
    for (name, policy, label) in [
        ("learned", TimingSimulation.Policy.learned, "from the learner's own posts"),
        ("random", .random, "from posts spread uniformly over the allowed time"),
    ] {
        let outcome = bound.outcome(result.posts.filter { $0.policy == policy })
        let within6 = outcome.found.filter { ($0 ?? Int.max) <= 6 }.count
        let byEnd = outcome.found.filter { $0 != nil }.count
        figures["bound_\(name)_peak_within_6"] = Double(within6)
        figures["bound_\(name)_peak_by_end"] = Double(byEnd)
        figures["bound_\(name)_captured"] = outcome.captured
        boundLines.append(
            "  \(label): peak found for good \(within6)/\(accountCount) within 6 weeks, \(byEnd) by week \(weeks); "
                + "would capture \(String(format: "%.0f", outcome.captured * 100)) % of the oracle's lift (expected values)")
    }
}
if options["bound-ablation"] != nil {
    // curve (issue 18): the bound made less omniscient one knowledge at a time, from the learner's posts.
    boundLines += ["", "bound ablation (from the learner's posts; each step forgets one more thing):"]
    let learnedPosts = result.posts.filter { $0.policy == .learned }
    for (step, (name, knowledge)) in BoundAblation.Knowledge.steps.enumerated() {
        let outcome = BoundAblation(
            simulation: simulation, accountSpread: SimulatedAccount.Assumptions().accountSpread, knowledge: knowledge
        ).outcome(learnedPosts)
        let within6 = outcome.found.filter { ($0 ?? Int.max) <= 6 }.count
        figures["ablation_\(step)_captured"] = outcome.captured
        figures["ablation_\(step)_peak_within_6"] = Double(within6)
        boundLines.append(
            "  \(step) \(name): captures \(String(format: "%.0f", outcome.captured * 100)) %, peaks within 6 weeks \(within6)")
    }
}
if json {
    let data = try! JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
} else {
    print(([summary.text] + boundLines).joined(separator: "\n"))
}
