import Foundation
import GlocalCore
import Testing

import GlocalUseCases

/// Hostile workspaces too big to commit are generated here at run time; each must end with a diagnostic and
/// an output whose size does not grow with the input (no timing: bench/hostile.py measures time and memory).
@Suite struct HostileWorkspaceTests {
    func validate(
        _ file: String, format: OutputFormat = .text, _ change: (String) -> String
    ) throws -> (output: String, exitCode: Int32) {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let url = workspace.root.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        try change(text).write(to: url, atomically: true, encoding: .utf8)
        return try workspace.validate(format: format, verbose: false)
    }

    @Test func hundredThousandNestedBracketsStopAtTheLimit() throws {
        let result = try validate("campaigns/winter-tips.yaml") {
            $0.replacingOccurrences(
                of: "kind: informative\n", with: "kind: informative\nname: " + String(repeating: "[", count: 100_000) + "\n")
        }
        #expect(result.exitCode == 1)
        #expect(
            result.output.hasPrefix(
                "campaigns/winter-tips.yaml:3:107: error[yaml.syntax]: lists and mappings are nested more than 100"))
        #expect(result.output.utf8.count < 2_000)
    }

    /// A lone CR ends a line for YAML though many editors show none: the diagnostic's line and its excerpt agree.
    @Test func aKeyAfterALoneCarriageReturnIsQuotedFromItsOwnLine() throws {
        let result = try validate("campaigns/winter-tips.yaml") {
            $0.replacingOccurrences(of: "kind: informative\n", with: "kind: informative # central\rbogus: 1\n")
        }
        #expect(result.exitCode == 1)
        #expect(result.output.hasPrefix("campaigns/winter-tips.yaml:3:1: error[key.unknown]: unknown key 'bogus' in campaign"))
        #expect(result.output.contains("    3 | bogus: 1\n"))
    }

    @Test func hugeStringIsCutInEveryFormat() throws {
        let huge = String(repeating: "Le froid assèche la peau. ", count: 80_000)  // 2 MB on one line.
        for format in OutputFormat.allCases {
            let result = try validate("locales/fr.yaml", format: format) {
                $0.replacingOccurrences(
                    of: "\"Le froid assèche la peau. Passez à un nettoyant doux sans savon jusqu'au printemps.\"",
                    with: "\"\(huge)\"")
            }
            #expect(result.exitCode == 1, "\(format)")
            // One error at the value: a text over 100 000 bytes is refused before any network's counting runs on it.
            #expect(result.output.contains("value.invalid"), "\(format)")
            #expect(result.output.contains("this text is 2 160 000 bytes long; a text may be at most 100 000 bytes"), "\(format)")
            #expect(result.output.utf8.count < 40_000, "\(format): \(result.output.utf8.count) bytes")
            let longest = result.output.split(separator: "\n").map { $0.unicodeScalars.count }.max() ?? 0
            #expect(longest < 1_200, "\(format)")
        }
    }

    @Test func twoThousandDuplicateKeysEndWithAllReported() throws {
        let result = try validate("locales/fr.yaml") {
            $0.replacingOccurrences(of: "strings:\n", with: "strings:\n" + (0...2_000).map { "  dup: copy \($0)\n" }.joined())
        }
        #expect(result.exitCode == 1)
        let reported = result.output.components(separatedBy: "error[key.duplicate]: duplicate key 'dup'").count - 1
        #expect(reported == 1_000)
        #expect(result.output.contains("note: and 1000 more duplicate keys in this file, not listed"))
    }

    /// Each of the first 1 000 is listed once, in order; the last one listed counts the rest (as duplicate keys do),
    /// so the report stays readable: about 250 KB rather than 2.5 MB.
    @Test func tenThousandUnknownKeysListTheFirstThousandAndCountTheRest() throws {
        let result = try validate("campaigns/winter-tips.yaml") {
            $0.replacingOccurrences(
                of: "kind: informative\n", with: "kind: informative\n" + (0..<10_000).map { "unknown_\($0): x\n" }.joined())
        }
        #expect(result.exitCode == 1)
        #expect(result.output.components(separatedBy: "error[key.unknown]").count - 1 == 1_000)
        #expect(result.output.contains("winter-tips.yaml:1002:1: error[key.unknown]: unknown key 'unknown_999' in campaign"))
        #expect(!result.output.contains("'unknown_1000'"))
        #expect(result.output.contains("note: and 9000 more key.unknown diagnostics in this file, not listed"))
        #expect(result.output.utf8.count < 300_000)
    }

    @Test func hundredThousandKeysAreReadLinearly() throws {
        let result = try validate("locales/fr.yaml") {
            $0.replacingOccurrences(of: "strings:\n", with: "strings:\n" + (0..<100_000).map { "  k\($0): v\n" }.joined())
        }
        #expect(result.exitCode == 0)
        // The first 100 unused strings are listed, the other 99 900 counted in one note.
        #expect(result.output.contains("107 notes"), "\(result.output)")
    }
}
