import Foundation
import Testing

/// operations.md's Troubleshooting section says every example is real output "from small changes to the golden test
/// workspace". Each quoted block is read from the document and compared with what the real binary prints after the
/// change the text describes, so an example that no longer matches (a better message, a moved caret) fails here
/// instead of misleading a reader; a new example without its change here fails too.
@Suite struct TroubleshootingExamplesTests {
    /// A change to one file of the golden base workspace.
    struct Change: Sendable {
        /// The file, relative to the workspace.
        let file: String
        /// Rewrites the file's lines (numbered from 0).
        let edit: @Sendable (inout [String]) -> Void
        /// How the changed file is saved.
        var encoding: String.Encoding = .utf8
    }

    /// The change behind each example, keyed by the example's first line up to the rule id (or its summary line).
    static let changes: [String: Change] = [
        "campaigns/hydra-launch.yaml:17:1: error[yaml.syntax]": Change(file: "campaigns/hydra-launch.yaml") {
            $0[16] = "\tday: 2"
        },
        "locales/en.yaml:8:29: error[yaml.syntax]": Change(file: "locales/en.yaml") {
            $0[7] = "  tips.cleansing: Winter tip: switch to a gentle cleanser."
        },
        "locales/fr.yaml:8:19: error[yaml.syntax]": Change(file: "locales/fr.yaml") {
            $0[7].removeLast()  // the closing quote
        },
        "campaigns/hydra-launch.yaml:2:7: error[yaml.syntax]": Change(file: "campaigns/hydra-launch.yaml") {
            $0[1] = "name: \"Hydra serum launch"
        },
        "campaigns/hydra-launch.yaml:7:12: error[yaml.syntax]": Change(file: "campaigns/hydra-launch.yaml") {
            $0[6] = "hashtags: [#HydraSerum]"
        },
        "campaigns/hydra-launch.yaml:14:24: error[type.mismatch]": Change(file: "campaigns/hydra-launch.yaml") {
            $0[13] = "      linkedin: {skip: yes}"
        },
        "locales/en.yaml:4:36: error[text.forbidden-character]": Change(file: "locales/en.yaml") {
            $0[3] = $0[3].replacingOccurrences(of: "Meet", with: "Meet\u{FEFF}")
        },
        "locales/en.yaml:8:1: error[key.unknown]": Change(file: "locales/en.yaml") {
            $0[7] = "\u{A0}\u{A0}" + $0[7].dropFirst(2)
        },
        "locales/fr.yaml:1:1: error[file.unreadable]": Change(file: "locales/fr.yaml", edit: { _ in }, encoding: .isoLatin1),
        "locales/fr.yaml:9:3: error[key.duplicate]": Change(file: "locales/fr.yaml") {
            $0.insert("  serum.launch: \"Hydra est enfin là ! Trouvez-le près de chez vous à {city}.\"", at: 8)
        },
        // A broken locale file: the no-break space above.
        "1 error, 0 warnings, 0 notes in 9 files (6 accounts, 2 campaigns, 0 variants checked)": Change(
            file: "locales/en.yaml"
        ) { $0[7] = "\u{A0}\u{A0}" + $0[7].dropFirst(2) },
    ]

    /// The output blocks of operations.md's Troubleshooting section that quote `glocal validate`.
    static func examples() throws -> [String] {
        let document = try DocumentedExamplesTests.document("docs/operations.md")
        let start = try #require(document.range(of: "\n## Troubleshooting\n"))
        let end = try #require(document.range(of: "\n## ", range: start.upperBound..<document.endIndex))
        let section = document[start.upperBound..<end.lowerBound]
        return section.matches(of: /\n```\n(.*?)\n```\n/.dotMatchesNewlines()).map { String($0.1) }.filter {
            $0.firstMatch(of: /^([^ \n]+\.yaml:\d+:\d+: |\d+ errors?, )/) != nil
        }
    }

    /// The key of `example` in ``changes``.
    static func key(of example: String) -> String {
        let first = example.prefix { $0 != "\n" }
        guard let rule = first.firstMatch(of: /^[^ ]+: [a-z]+\[[a-z0-9.-]+\]/) else { return String(first) }
        return String(rule.0)
    }

    @Test func everyExampleHasItsChangeHere() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 10)
        for example in examples {
            #expect(Self.changes[Self.key(of: example)] != nil, "no change for the example:\n\(example)")
        }
    }

    @Test func everyExampleIsWhatTheBinaryPrints() throws {
        for example in try Self.examples() {
            guard let change = Self.changes[Self.key(of: example)] else { continue }
            let workspace = try WorkspaceFixture(overlay: nil)
            defer { workspace.remove() }
            let url = workspace.root.appendingPathComponent(change.file)
            var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            change.edit(&lines)
            try #require(lines.joined(separator: "\n").data(using: change.encoding)).write(to: url)
            let (status, output, error) = try GlocalProcess.run(["validate"], in: workspace.root)
            #expect(status == 1, "\(error)")
            #expect(output.contains(example), "operations.md quotes:\n\(example)\n\nglocal prints:\n\(output)")
        }
    }
}
