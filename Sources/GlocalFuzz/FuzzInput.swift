import GlocalCore

/// One generated input: a seed file, mutated, to be written over the base workspace.
struct FuzzInput {
    /// The workspace-relative path the bytes are written to.
    var path: String
    /// The mutated file.
    var bytes: [UInt8]
    /// The mutations applied, in order, for the finding's README.
    var mutations: [String]

    /// The input of `iteration` for `seed`: the same pair always gives the same input, so a finding can be
    /// reproduced (and a restarted worker can carry on) without replaying the iterations before it.
    /// One input in this many also gets a heavy mutation (big or deep).
    static let heavyOneIn = 12

    /// Marks the heavy mutation in `mutations`: a hang's signature names it.
    static let heavyPrefix = "heavy: "

    /// What made an input heavy, without its numbers (`heavy: add 7000 unknown keys after line 5` →
    /// `add unknown keys after line`), or `nil` when no heavy mutation was applied.
    static func heavyKind(of mutations: [String]) -> String? {
        guard let heavy = mutations.first(where: { $0.hasPrefix(heavyPrefix) }) else { return nil }
        var kind = String(heavy.dropFirst(heavyPrefix.count))
        for cut in [";", " with ", " → "] { if let range = kind.range(of: cut) { kind = String(kind[..<range.lowerBound]) } }
        return kind.split(separator: " ").filter { !$0.contains(where: \.isNumber) }.joined(separator: " ")
    }

    static func make(seed: UInt64, iteration: UInt64, corpus: SeedCorpus) -> FuzzInput {
        var random = SeededRandom(seed: seed ^ (iteration &* 0xD6E8_FEB8_6659_FD93) ^ 0x5851_F42D_4C95_7F2D)
        let start = corpus.seeds[Int(random.next() % UInt64(corpus.seeds.count))]
        var mutator = Mutator(random: random, corpus: corpus, path: start.path)
        let count = 1 + Int(mutator.below(4))
        var bytes = start.bytes
        var applied = ["seed \(start.path)"]
        for _ in 0..<count { applied.append(mutator.mutate(&bytes)) }
        if mutator.below(heavyOneIn) == 0 { applied.append(heavyPrefix + mutator.mutateHeavily(&bytes)) }
        return FuzzInput(path: start.path, bytes: bytes, mutations: applied)
    }
}
