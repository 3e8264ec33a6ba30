import Foundation
import Testing

/// Lines the README and the docs quote from the binary, checked against the binary on the example workspace (the
/// repository itself): each quoted line is read from the document, so a stale quote fails here.
struct DocumentedExamplesTests {
    static let repositoryRoot = ValidateCommandTests.repositoryRoot

    /// The text of `path` (relative to the repository).
    static func document(_ path: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func theReadmesValidateLineIsWhatValidatePrints() throws {
        let readme = try Self.document("README.md")
        let quoted = try #require(readme.firstMatch(of: /`swift run glocal validate` → `([^`]+)`/)).1
        let (status, output, error) = try GlocalProcess.run(["validate"], in: Self.repositoryRoot)
        #expect(status == 0, "\(error)")
        #expect(output.split(separator: "\n").last.map(String.init) == String(quoted))
    }

    @Test func theCalendarSummaryIsTheDocumentedOne() throws {
        let scheduling = try Self.document("docs/scheduling.md").replacingOccurrences(of: "\n", with: " ")
        let example = try #require(scheduling.firstMatch(of: /e\.g\. `(SUMMARY:[^`]+)`/)).1
        let (status, output, error) = try GlocalProcess.run(
            ["calendar", "--account", "lumiere-fr-x", "--now", "2026-11-21T09:00:00Z"], in: Self.repositoryRoot)
        #expect(status == 0, "\(error)")
        // Unfolded first (RFC 5545: a line break followed by a space continues the line).
        let summaries = output.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter {
            $0.hasPrefix("SUMMARY:")
        }
        #expect(summaries.contains(String(example)), "\(summaries.prefix(3))")
        // Every summary has the documented form: the network's name, campaign/post, the state in words.
        #expect(summaries.allSatisfy { $0.wholeMatch(of: /SUMMARY:\[X\] [^ \/]+\/[^ \/]+ \([a-z ]+\)/) != nil })
    }
}
