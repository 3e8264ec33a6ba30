/// Finds the domain (twitter-text's `validDomain`) starting at any position of one text in
/// amortised constant time, so that a text like `a.a.a.…` of 400,000 characters is scanned in
/// linear time: label runs are precomputed, and the answer for the labels after a position is
/// remembered.
///
/// A domain is as many `label.` as possible, the last of them without `_`, then a TLD: the
/// regular expression's greedy backtracking picks the last `label.` followed by a TLD.
struct DomainIndex {
    private let text: [UInt32]
    /// For each position, the end of the run of domain characters, `-` and `_` starting there.
    private let runEnd: [Int]
    /// For each position, the first `_` of its run from there on (`Int.max` when none).
    private let underscoreBefore: [Int]
    /// Remembered answers: the end of the domain starting at a position (-1 none, -2 unknown), per mode.
    private var known: [[Int]]

    init(_ text: [UInt32]) {
        self.text = text
        var runEnd = [Int](repeating: 0, count: text.count + 1)
        var underscore = [Int](repeating: Int.max, count: text.count + 1)  // first `_` at or after, within the run
        runEnd[text.count] = text.count
        for i in stride(from: text.count - 1, through: 0, by: -1) {
            let c = text[i]
            if URLCharacters.isDomainCharacter(c) || c == 0x2D || c == 0x5F {
                runEnd[i] = runEnd[i + 1]  // i + 1 when the run stops there
                underscore[i] = c == 0x5F ? i : underscore[i + 1]
            } else {
                runEnd[i] = i
                underscore[i] = Int.max
            }
        }
        self.runEnd = runEnd
        self.underscoreBefore = underscore
        known = [[Int](repeating: -2, count: text.count + 1), [Int](repeating: -2, count: text.count + 1)]
    }

    /// The `label.` starting at `start`: its end after the dot and whether it holds a `_`, or nil.
    private func piece(at start: Int) -> (end: Int, hasUnderscore: Bool)? {
        guard start < text.count, URLCharacters.isDomainCharacter(text[start]) else { return nil }
        let j = runEnd[start]
        guard j < text.count, text[j] == 0x2E, URLCharacters.isDomainCharacter(text[j - 1]) else { return nil }
        return (j + 1, underscoreBefore[start] < j)
    }

    /// The domain starting at `start`, or nil.
    mutating func domain(at start: Int, afterProtocol: Bool) -> Range<Int>? {
        let mode = afterProtocol ? 1 : 0
        // Walk the chain of pieces until a remembered answer, then fill the answers backwards.
        var chain: [(start: Int, end: Int, hasUnderscore: Bool)] = []
        var position = start
        var answer = -1
        while true {
            if known[mode][position] != -2 {
                answer = known[mode][position]
                break
            }
            guard let piece = piece(at: position) else {
                known[mode][position] = -1
                answer = -1
                break
            }
            chain.append((position, piece.end, piece.hasUnderscore))
            position = piece.end
        }
        for link in chain.reversed() {
            if answer < 0, !link.hasUnderscore,
                let length = TopLevelDomains.length(in: text, at: link.end, afterProtocol: afterProtocol)
            {
                answer = link.end + length
            }
            known[mode][link.start] = answer
        }
        return answer < 0 ? nil : start..<answer
    }
}
