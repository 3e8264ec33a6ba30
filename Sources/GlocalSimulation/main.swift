import Foundation
import GlocalCore

// glocal-simulate: learned timing against the default table and random times, in the sandbox's
// engagement model. Usage: glocal-simulate [--accounts 120] [--weeks 12] [--seed 6] [--noise 0.35]

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let name = arguments.next() {
    guard name.hasPrefix("--"), let value = arguments.next() else {
        FileHandle.standardError.write(
            Data("usage: glocal-simulate [--accounts N] [--weeks N] [--seed N] [--noise SIGMA]\n".utf8))
        exit(64)
    }
    options[String(name.dropFirst(2))] = value
}
let accountCount = Int(options["accounts"] ?? "120") ?? 120
let weeks = Int(options["weeks"] ?? "12") ?? 12
let seed = UInt64(options["seed"] ?? "6") ?? 6
let noise = Double(options["noise"] ?? "0.35") ?? 0.35

var random = SeededRandom(seed: seed)
let fleet = SimulatedAccount.fleet(count: accountCount, table: .standard, quiet: Set([22, 23] + Array(0...6)), random: &random)
let simulation = TimingSimulation(accounts: fleet, weeks: weeks, seed: seed, noise: noise)
let result = simulation.run()
print(
    SimulationSummary(
        posts: result.posts, weeksToPeak: result.weeksToPeak, weeks: weeks, accounts: accountCount, seed: seed, noise: noise
    ).text)
