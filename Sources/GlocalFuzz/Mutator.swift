import Foundation
import GlocalCore

/// Mutations of a YAML file's bytes, each chosen to reach a class of bug: byte-level damage, line surgery,
/// splices from other seeds, YAML indicators and invisible characters, hostile numbers, aliases, deep
/// nesting, repeated and unknown keys, very long strings and mangled media paths.
struct Mutator {
    var random: SeededRandom
    let corpus: SeedCorpus
    /// The path of the file being mutated (splices prefer seeds written to the same path).
    let path: String

    /// Applies one random cheap mutation to `bytes` and says which.
    mutating func mutate(_ bytes: inout [UInt8]) -> String {
        switch below(12) {
        case 0: return flipByte(&bytes)
        case 1: return insertByte(&bytes)
        case 2: return deleteBytes(&bytes)
        case 3: return lineSurgery(&bytes)
        case 4: return spliceLine(&bytes)
        case 5, 6: return injectToken(&bytes)
        case 7: return replaceNumber(&bytes)
        case 8, 9: return replaceValue(&bytes)
        case 10: return mangleMediaPath(&bytes)
        default: return reencode(&bytes)
        }
    }

    /// Applies one mutation that makes the input big or deep (aliases, nesting, repeated and unknown keys,
    /// long strings): these find the costly paths, and are rarer so that the cheap ones keep the pace up.
    mutating func mutateHeavily(_ bytes: inout [UInt8]) -> String {
        switch below(5) {
        case 0: return injectAliases(&bytes)
        case 1: return nest(&bytes)
        case 2: return repeatKey(&bytes)
        case 3: return addUnknownKeys(&bytes)
        default: return "long string; " + replaceValue(&bytes, with: longString())
        }
    }

    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(random.next() % UInt64(bound)) }

    /// A count spread over orders of magnitude, from 1 to `limit`.
    mutating func logScale(_ limit: Int) -> Int {
        let exponent = Double(below(1000)) / 1000 * log10(Double(limit))
        return max(1, min(limit, Int(pow(10, exponent))))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    private mutating func flipByte(_ bytes: inout [UInt8]) -> String {
        guard !bytes.isEmpty else { return insertByte(&bytes) }
        let index = below(bytes.count)
        bytes[index] ^= UInt8(1 << below(8))
        return "flip a bit at byte \(index)"
    }

    private mutating func insertByte(_ bytes: inout [UInt8]) -> String {
        let interesting: [UInt8] = [
            0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0xFF, 0xC3, 0x22, 0x27, 0x3A, 0x2D, 0x23, 0x7B, 0x5B, 0x2A,
            0x26, 0x21, 0x7C, 0x3E, 0x25, 0x40, 0x60, 0x20, 0x7D, 0x5D, 0x2C, 0x3F,
        ]
        let byte = below(3) == 0 ? UInt8(truncatingIfNeeded: random.next()) : pick(interesting)
        let index = below(bytes.count + 1)
        bytes.insert(byte, at: index)
        return "insert byte 0x\(String(byte, radix: 16)) at \(index)"
    }

    private mutating func deleteBytes(_ bytes: inout [UInt8]) -> String {
        guard !bytes.isEmpty else { return insertByte(&bytes) }
        let index = below(bytes.count)
        let count = min(bytes.count - index, 1 + below(16))
        bytes.removeSubrange(index..<index + count)
        return "delete \(count) bytes at \(index)"
    }

    private mutating func spliceLine(_ bytes: inout [UInt8]) -> String {
        let donors = below(2) == 0 ? corpus.seeds(at: path) : corpus.seeds
        let donor = pick(donors)
        let donorLines = Lines(donor.bytes)
        guard !donorLines.items.isEmpty else { return flipByte(&bytes) }
        var lines = Lines(bytes)
        let count = 1 + below(4)
        let from = below(donorLines.items.count)
        let chunk = Array(donorLines.items[from..<min(donorLines.items.count, from + count)])
        let at = below(lines.items.count + 1)
        lines.items.insert(contentsOf: chunk, at: at)
        bytes = lines.joined()
        return "splice \(chunk.count) lines of \(donor.path) at line \(at + 1)"
    }

    private mutating func injectToken(_ bytes: inout [UInt8]) -> String {
        let token = pick(HostileText.tokens)
        let atValue = below(2) == 0
        let index = atValue ? (valueStart(in: bytes) ?? below(bytes.count + 1)) : below(bytes.count + 1)
        bytes.insert(contentsOf: Array(token.utf8), at: index)
        return "inject \(token.debugDescription) at byte \(index)"
    }

    private mutating func replaceNumber(_ bytes: inout [UInt8]) -> String {
        let runs = digitRuns(in: bytes)
        let number = pick(HostileText.numbers)
        guard !runs.isEmpty else { return replaceValue(&bytes, with: number) }
        let run = pick(runs)
        bytes.replaceSubrange(run, with: Array(number.utf8))
        return "replace number at byte \(run.lowerBound) with \(number)"
    }

    private mutating func replaceValue(_ bytes: inout [UInt8]) -> String {
        let value = pick(HostileText.values)
        return replaceValue(&bytes, with: value)
    }

    private mutating func replaceValue(_ bytes: inout [UInt8], with value: String) -> String {
        var lines = Lines(bytes)
        let candidates = lines.items.indices.filter { lines.items[$0].firstIndex(of: 0x3A) != nil }
        guard !candidates.isEmpty else { return flipByte(&bytes) }
        let index = pick(candidates)
        var line = lines.items[index]
        let colon = line.firstIndex(of: 0x3A)!
        line.replaceSubrange((colon + 1)..., with: Array((" " + value).utf8))
        lines.items[index] = line
        bytes = lines.joined()
        return
            "replace the value on line \(index + 1) with \(String(value.prefix(60)).debugDescription) (\(value.utf8.count) bytes)"
    }

    private mutating func longString() -> String {
        let unit = pick(["a", "é", "😀", "ab ", "\u{0301}", "{city}", "#tag ", "https://x.example/"])
        return String(repeating: unit, count: logScale(200_000))
    }

    private mutating func injectAliases(_ bytes: inout [UInt8]) -> String {
        var lines = Lines(bytes)
        let width = 2 + below(8), depth = 1 + below(7)
        var definitions = ["x0: &a0 [lol]"]
        for level in 1...depth {
            let items = Array(repeating: "*a\(level - 1)", count: width).joined(separator: ", ")
            definitions.append("x\(level): &a\(level) [\(items)]")
        }
        let insertAt = below(2) == 0 ? 0 : lines.items.count
        lines.items.insert(contentsOf: definitions.map { Array($0.utf8) }, at: insertAt)
        bytes = lines.joined()
        let use = pick(["*a\(depth)", "{*a\(depth) : v}", "[*a\(depth)]", "*a0", "*missing", "&a0 again"])
        return "alias chain width \(width) depth \(depth); " + replaceValue(&bytes, with: use)
    }

    private mutating func nest(_ bytes: inout [UInt8]) -> String {
        let depth = logScale(100_000)
        let (open, close) = pick([("[", "]"), ("{a: ", "}"), ("[{a: ", "}]")])
        let balanced = below(4) != 0
        let value = String(repeating: open, count: depth) + "x" + (balanced ? String(repeating: close, count: depth) : "")
        return "nest \(depth) levels (\(balanced ? "closed" : "unclosed")); " + replaceValue(&bytes, with: value)
    }

    private mutating func repeatKey(_ bytes: inout [UInt8]) -> String {
        var lines = Lines(bytes)
        let candidates = lines.items.indices.filter { lines.items[$0].firstIndex(of: 0x3A) != nil }
        guard !candidates.isEmpty else { return flipByte(&bytes) }
        let index = pick(candidates)
        let count = logScale(3_000)
        lines.items.insert(contentsOf: Array(repeating: lines.items[index], count: count), at: index)
        bytes = lines.joined()
        return "repeat line \(index + 1) \(count) times"
    }

    private mutating func addUnknownKeys(_ bytes: inout [UInt8]) -> String {
        var lines = Lines(bytes)
        let candidates = lines.items.indices.filter { lines.items[$0].firstIndex(of: 0x3A) != nil }
        guard !candidates.isEmpty else { return flipByte(&bytes) }
        let index = pick(candidates)
        let indent = lines.items[index].prefix { $0 == 0x20 || $0 == 0x2D }.map { $0 == 0x2D ? UInt8(0x20) : $0 }
        let count = logScale(20_000)
        let keys = (0..<count).map { indent + Array("unknown_key_\($0): \($0)".utf8) }
        lines.items.insert(contentsOf: keys, at: index + 1)
        bytes = lines.joined()
        return "add \(count) unknown keys after line \(index + 1)"
    }

    private mutating func mangleMediaPath(_ bytes: inout [UInt8]) -> String {
        var lines = Lines(bytes)
        let candidates = lines.items.indices.filter { String(decoding: lines.items[$0], as: UTF8.self).contains("assets/") }
        let replacement = pick(HostileText.mediaPaths)
        guard !candidates.isEmpty else { return "media path; " + replaceValue(&bytes, with: "[\(replacement)]") }
        let index = pick(candidates)
        var text = String(decoding: lines.items[index], as: UTF8.self)
        guard let range = text.range(of: #"assets/[^\],} ]*"#, options: .regularExpression) else { return flipByte(&bytes) }
        text.replaceSubrange(range, with: replacement)
        lines.items[index] = Array(text.utf8)
        bytes = lines.joined()
        return "media path on line \(index + 1) → \(replacement.debugDescription)"
    }

    private mutating func reencode(_ bytes: inout [UInt8]) -> String {
        switch below(5) {
        case 0:
            bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
            return "byte order mark"
        case 1:
            var lines = Lines(bytes)
            lines.separator = [0x0D, 0x0A]
            bytes = lines.joined()
            return "CRLF line ends"
        case 2:
            var lines = Lines(bytes)
            lines.separator = [0x0D]
            bytes = lines.joined()
            return "CR line ends"
        default:
            var lines = Lines(bytes)
            let indented = lines.items.indices.filter { lines.items[$0].first == 0x20 }
            guard !indented.isEmpty else { return flipByte(&bytes) }
            let index = pick(indented)
            let invisible: [UInt8] = pick([[0x09], [0xC2, 0xA0], [0xE3, 0x80, 0x80], [0xE2, 0x80, 0x8B]])
            lines.items[index].replaceSubrange(0..<1, with: invisible)
            bytes = lines.joined()
            return "indentation of line \(index + 1) starts with \(invisible)"
        }
    }

    /// A byte index just after a `: ` (where a value starts), if any.
    private mutating func valueStart(in bytes: [UInt8]) -> Int? {
        let starts = bytes.indices.dropLast().filter { bytes[$0] == 0x3A && bytes[$0 + 1] == 0x20 }
        return starts.isEmpty ? nil : pick(starts) + 2
    }

    private func digitRuns(in bytes: [UInt8]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int? = nil
        for index in bytes.indices {
            let isDigit = (0x30...0x39).contains(bytes[index])
            if isDigit, start == nil { start = index }
            if !isDigit, let first = start {
                runs.append(first..<index)
                start = nil
            }
        }
        if let first = start { runs.append(first..<bytes.count) }
        return runs
    }
}
