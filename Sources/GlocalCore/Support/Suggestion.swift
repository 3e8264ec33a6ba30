/// "Did you mean …?": the closest candidate to a misspelled name.
public enum Suggestion {
    /// The candidate closest to `name` by edit distance, if it is close enough to be a likely typo.
    public static func closest<S: Sequence>(to name: String, in candidates: S) -> String? where S.Element == String {
        let lowered = name.lowercased()
        let nameCount = name.count, loweredScalars = lowered.unicodeScalars.count
        var best: (String, Int)? = nil
        var prefixMatch: String? = nil
        for candidate in candidates where candidate != name {
            let candidateLowered = candidate.lowercased()
            // A truncated id ("lum-fr-insta") is a likely slip too.
            if nameCount >= 4, candidateLowered.hasPrefix(lowered), prefixMatch == nil || candidate < prefixMatch! {
                prefixMatch = candidate
            }
            let allowed = max(1, min(3, (max(nameCount, candidate.count) + 2) / 4))
            // The distance is at least the difference in length: a name far longer than every candidate (a
            // hostile 800 000-character value) is turned down without the quadratic table.
            guard abs(loweredScalars - candidateLowered.unicodeScalars.count) <= allowed else { continue }
            let distance = editDistance(lowered, candidateLowered)
            guard distance <= allowed else { continue }
            if best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
                best = (candidate, distance)
            }
        }
        return best?.0 ?? prefixMatch
    }

    /// A "did you mean 'x'?" note for `name`, or no note.
    public static func notes<S: Sequence>(for name: String, in candidates: S) -> [String] where S.Element == String {
        closest(to: name, in: candidates).map { ["did you mean '\($0)'?"] } ?? []
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
