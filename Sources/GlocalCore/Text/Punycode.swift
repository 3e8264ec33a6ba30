/// The lengths of punycode-encoded labels (RFC 3492), which decide whether twitter-text accepts a host.
enum Punycode {
    /// Whether twitter-text's IDNA check accepts the host: each label at most 63 characters once
    /// encoded (`xn--…`), and a host starting with `xn--` holds an ASCII domain.
    static func isValidHost(_ host: ArraySlice<UInt32>) -> Bool {
        let scalars = Array(host)
        if scalars.count >= 4, scalars[0] == 0x78, scalars[1] == 0x6E, scalars[2] == 0x2D, scalars[3] == 0x2D,
            TwitterTextASCIIDomains.ranges(in: scalars, 0..<scalars.count).isEmpty
        {
            return false
        }
        for label in scalars.split(separator: 0x2E, omittingEmptySubsequences: false) {
            guard (1...63).contains(asciiLength(label)) else { return false }
        }
        return true
    }

    /// The length of a label as `punycode.toASCII` writes it: ideographic full stops split it into
    /// parts, each part with a non-ASCII character becomes `xn--` and its encoding, joined by dots.
    static func asciiLength(_ label: ArraySlice<UInt32>) -> Int {
        let parts = label.split(omittingEmptySubsequences: false) { $0 == 0x3002 || $0 == 0xFF0E || $0 == 0xFF61 }
        return parts.reduce(parts.count - 1) { total, part in
            total + (part.allSatisfy { $0 < 0x7F } ? part.count : 4 + encodedLength(Array(part)))
        }
    }

    /// The length of the RFC 3492 encoding of `input` (without `xn--`).
    static func encodedLength(_ input: [UInt32]) -> Int {
        let basic = input.filter { $0 < 0x80 }.count
        var length = basic + (basic > 0 ? 1 : 0)
        var n: UInt32 = 128
        var delta = 0
        var bias = 72
        var handled = basic
        while handled < input.count {
            guard let m = input.filter({ $0 >= n }).min() else { break }
            delta += Int(m - n) * (handled + 1)
            n = m
            for c in input {
                if c < n { delta += 1 }
                if c == n {
                    var q = delta
                    var k = 36
                    while true {
                        let t = k <= bias ? 1 : (k >= bias + 26 ? 26 : k - bias)
                        if q < t { break }
                        length += 1
                        q = (q - t) / (36 - t)
                        k += 36
                    }
                    length += 1
                    bias = adapt(delta, points: handled + 1, first: handled == basic)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return length
    }

    private static func adapt(_ delta: Int, points: Int, first: Bool) -> Int {
        var delta = first ? delta / 700 : delta / 2
        delta += delta / points
        var k = 0
        while delta > 455 {
            delta /= 35
            k += 36
        }
        return k + 36 * delta / (delta + 38)
    }
}
