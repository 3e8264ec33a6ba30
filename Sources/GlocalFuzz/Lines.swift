/// A file's bytes split at line feeds, for line-level mutations; `joined()` puts it back together.
struct Lines {
    /// The lines, without their separators (a CR before LF stays part of its line).
    var items: [[UInt8]]
    /// What `joined()` puts between lines.
    var separator: [UInt8] = [0x0A]

    init(_ bytes: [UInt8]) {
        items = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if items.last?.isEmpty == true { items.removeLast() }
    }

    /// The lines joined with `separator`, ending with one.
    func joined() -> [UInt8] {
        var bytes: [UInt8] = []
        for line in items {
            bytes += line
            bytes += separator
        }
        return bytes
    }
}

extension Mutator {
    /// Duplicates, deletes or swaps lines.
    mutating func lineSurgery(_ bytes: inout [UInt8]) -> String {
        var lines = Lines(bytes)
        guard lines.items.count >= 2 else { return "too few lines to cut" }
        let first = below(lines.items.count), second = below(lines.items.count)
        let description: String
        switch below(3) {
        case 0:
            lines.items.insert(lines.items[first], at: second)
            description = "duplicate line \(first + 1) before line \(second + 1)"
        case 1:
            lines.items.remove(at: first)
            description = "delete line \(first + 1)"
        default:
            lines.items.swapAt(first, second)
            description = "swap lines \(first + 1) and \(second + 1)"
        }
        bytes = lines.joined()
        return description
    }
}
