import Foundation
import GlocalCore

// glocal-simulate: learned timing against the default table, random times and an oracle, in a
// simulation held to published engagement studies (docs/scheduling.md, "Simulation").
// Usage: glocal-simulate [--accounts 120] [--weeks 12] [--seed 6] [--noise 0.5] [--json]
//   learner settings, for tuning: [--prior-weight N] [--weekday-weight N] [--half-life-weeks N]
//   [--smoothing S] [--exploration S] [--peak-temperature T] [--weekday-change P] [--ridge N] [--no-peak-curve | --peak-curve] [--median-scores]
//   holdout: [--holdout-share S] (default Holdout.share)

var options: [String: String] = [:]
var json = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let name = arguments.next() {
    if name == "--json" {
        json = true
        continue
    }
    if ["--no-peak-curve", "--peak-curve", "--median-scores"].contains(name) {
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
let estimator = LearnedTimingEstimator(
    priorWeight: number("prior-weight", defaults.priorWeight), weekdayWeight: number("weekday-weight", defaults.weekdayWeight),
    halfLife: number("half-life-weeks", defaults.halfLife / 604_800) * 604_800,
    smoothing: number("smoothing", defaults.smoothing), exploration: number("exploration", defaults.exploration),
    peakCurve: curve, peakTemperature: number("peak-temperature", defaults.peakTemperature),
    accountCentred: options["median-scores"] == nil)

var random = SeededRandom(seed: seed)
let fleet = SimulatedAccount.fleet(count: accountCount, random: &random)
var simulation = TimingSimulation(accounts: fleet, weeks: weeks, seed: seed, noise: noise, estimator: estimator)
simulation.holdoutShare = number("holdout-share", Holdout.share)
let result = simulation.run()
let summary = SimulationSummary(
    posts: result.posts, fleet: fleet, peaks: result.peaks, weeks: weeks, accounts: accountCount, seed: seed, noise: noise,
    holdoutShare: simulation.holdoutShare)
print(json ? summary.json : summary.text)
