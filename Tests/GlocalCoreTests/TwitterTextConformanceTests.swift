import Foundation
import Testing

@testable import GlocalCore

/// Where the conformance files are: `../shared/specs/x/twitter-text` next to the package.
enum TwitterTextSpecs {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/specs/x/twitter-text")
    static let folderExists = FileManager.default.fileExists(atPath: folder.appendingPathComponent("validate.yml").path)
}

/// X counting held to twitter-text's own conformance suite, read at test time from
/// `../shared/specs/x/twitter-text` (never copied here): every weighted-length case of `validate.yml`,
/// every URL, hashtag and mention case of `extract.yml`, and every TLD of `tld_lib.yml`.
@Suite(.enabled(if: TwitterTextSpecs.folderExists, "twitter-text conformance files not found in ../shared/specs/x/twitter-text"))
struct TwitterTextConformanceTests {
    static let folder = TwitterTextSpecs.folder

    static func tests(_ file: String) throws -> ConformanceYAML {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        return try #require(try ConformanceYAML.parse(text)["tests"])
    }

    /// The weighted-length sections and whether emoji parsing is on: twitter-text runs
    /// `WeightedTweetsCounterTest` with config v2 (no emoji parsing), the others with v3, X's current one.
    static let weightedSections = [
        ("WeightedTweetsCounterTest", false), ("WeightedTweetsWithDiscountedEmojiCounterTest", true),
        ("UnicodeDirectionalMarkerCounterTest", true),
    ]

    @Test func everyWeightedLengthCaseOfValidateYmlAgrees() throws {
        let tests = try Self.tests("validate.yml")
        var checked = 0
        var failures: [String] = []
        for (section, emojiParsing) in Self.weightedSections {
            let cases = try #require(tests[section], "section \(section) missing").items
            #expect(!cases.isEmpty)
            for test in cases {
                let text = try #require(test["text"]?.string)
                let expected = try #require(test["expected"])
                let wanted = XTweetParse(
                    weightedLength: try #require(expected["weightedLength"]?.int),
                    isValid: expected["valid"]?.string == "true",
                    permillage: try #require(expected["permillage"]?.int),
                    validRangeEnd: try #require(expected["validRangeEnd"]?.int),
                    displayRangeEnd: try #require(expected["displayRangeEnd"]?.int))
                let got = XWeightedLengthCounter.parse(text, emojiParsing: emojiParsing)
                checked += 1
                if got != wanted {
                    failures.append("\(section) — \(test["description"]?.string ?? "?"): got \(got), expected \(wanted)")
                }
                // The validator and `glocal text-length` count X text with the v3 configuration.
                if emojiParsing {
                    let measured = TextCounter.measure(text, rules: .forNetwork(.x))
                    if measured.length != wanted.weightedLength || measured.isValid != wanted.isValid {
                        failures.append("TextCounter \(section) — \(test["description"]?.string ?? "?"): got \(measured.length)")
                    }
                }
            }
        }
        let disagreeing = Set(failures.map { $0.split(separator: ":")[0] }).count
        print("twitter-text validate.yml: \(checked - disagreeing)/\(checked) weighted cases agree")
        #expect(checked >= 40)
        #expect(failures.isEmpty, "\(failures.count) disagreements:\n\(failures.joined(separator: "\n"))")
    }

    /// The URL sections of `extract.yml`.
    static let urlSections = ["urls", "urls_with_indices", "urls_with_directional_markers", "tco_urls_with_params"]

    @Test func everyURLCaseOfExtractYmlAgrees() throws {
        let tests = try Self.tests("extract.yml")
        var checked = 0
        var failures: [String] = []
        for section in Self.urlSections {
            let cases = try #require(tests[section], "section \(section) missing").items
            #expect(!cases.isEmpty)
            for test in cases {
                let text = try #require(test["text"]?.string)
                let expected = try #require(test["expected"])
                let found = URLScanner.urlRanges(in: text, requireScheme: false)
                let got: [String]
                let wanted: [String]
                if section.hasSuffix("with_indices") || section == "urls_with_directional_markers" {
                    // Indices are UTF-16 offsets, as twitter-text's JavaScript reports them.
                    got = found.map {
                        "\(text[$0]) [\(text.utf16.distance(from: text.startIndex, to: $0.lowerBound)), "
                            + "\(text.utf16.distance(from: text.startIndex, to: $0.upperBound))]"
                    }
                    wanted = expected.items.map {
                        "\($0["url"]?.string ?? "?") [\($0["indices"]?.items.compactMap(\.string).joined(separator: ", ") ?? "")]"
                    }
                } else {
                    got = found.map { String(text[$0]) }
                    wanted = expected.items.compactMap(\.string)
                }
                checked += 1
                if got != wanted {
                    failures.append("\(section) — \(test["description"]?.string ?? "?"): got \(got), expected \(wanted)")
                }
            }
        }
        print("twitter-text extract.yml: \(checked - failures.count)/\(checked) URL cases agree")
        #expect(checked >= 100)
        #expect(failures.isEmpty, "\(failures.count) disagreements:\n\(failures.joined(separator: "\n"))")
    }

    /// The hashtag sections of `extract.yml`: what X, Instagram, YouTube and TikTok count, LinkedIn makes templates of
    /// and Bluesky makes tag facets of (``EntityScanner/hashtags(in:)``).
    static let hashtagSections = ["hashtags", "hashtags_from_astral", "hashtags_with_indices"]

    @Test func everyHashtagCaseOfExtractYmlAgrees() throws {
        let (checked, failures) = try Self.extractCases(Self.hashtagSections, name: "hashtag") {
            EntityScanner.hashtags(in: $0)
        }
        print("twitter-text extract.yml: \(checked - failures.count)/\(checked) hashtag cases agree")
        #expect(checked >= 70)
        #expect(failures.isEmpty, "\(failures.count) disagreements:\n\(failures.joined(separator: "\n"))")
    }

    /// The mention sections of `extract.yml` (not `mentions_or_lists_with_indices`: glocal has no lists), what
    /// Instagram's `mention.count` counts (``EntityScanner/mentions(in:syntax:)`` with twitter-text's syntax).
    static let mentionSections = ["mentions", "mentions_with_indices"]

    @Test func everyMentionCaseOfExtractYmlAgrees() throws {
        let (checked, failures) = try Self.extractCases(Self.mentionSections, name: "screen_name") {
            EntityScanner.mentions(in: $0, syntax: .twitterText)
        }
        print("twitter-text extract.yml: \(checked - failures.count)/\(checked) mention cases agree")
        #expect(checked >= 25)
        #expect(failures.isEmpty, "\(failures.count) disagreements:\n\(failures.joined(separator: "\n"))")
    }

    /// Runs `scan` over every case of `sections` of `extract.yml`; a `…_with_indices` section's expected entities
    /// are objects whose `name` key holds the entity and `indices` its UTF-16 offsets from the sign, as twitter-text's
    /// JavaScript reports them. Returns how many cases ran and a line per disagreement.
    static func extractCases(
        _ sections: [String], name: String, scan: (String) -> [Substring]
    ) throws -> (checked: Int, failures: [String]) {
        let tests = try tests("extract.yml")
        var checked = 0
        var failures: [String] = []
        for section in sections {
            let cases = try #require(tests[section], "section \(section) missing").items
            #expect(!cases.isEmpty)
            for test in cases {
                let text = try #require(test["text"]?.string)
                let expected = try #require(test["expected"])
                let found = scan(text)
                let got: [String]
                let wanted: [String]
                if section.hasSuffix("with_indices") {
                    got = found.map {
                        let sign = text.unicodeScalars.index(before: $0.startIndex)
                        return "\($0) [\(text.utf16.distance(from: text.startIndex, to: sign)), "
                            + "\(text.utf16.distance(from: text.startIndex, to: $0.endIndex))]"
                    }
                    wanted = expected.items.map {
                        "\($0[name]?.string ?? "?") [\($0["indices"]?.items.compactMap(\.string).joined(separator: ", ") ?? "")]"
                    }
                } else {
                    got = found.map(String.init)
                    wanted = expected.items.compactMap(\.string)
                }
                checked += 1
                if got != wanted {
                    failures.append("\(section) — \(test["description"]?.string ?? "?"): got \(got), expected \(wanted)")
                }
            }
        }
        return (checked, failures)
    }

    /// `validate.yml`'s `hashtags` section judges one whole hashtag, as glocal judges each tag of a `hashtags:` list
    /// (`hashtag.invalid`): the text without its `#` must be a hashtag exactly when twitter-text says it is valid,
    /// and the scanner must find the whole text as one hashtag then.
    @Test func everyHashtagValidityCaseOfValidateYmlAgrees() throws {
        let cases = try #require(try Self.tests("validate.yml")["hashtags"]).items
        #expect(cases.count >= 7)
        var failures: [String] = []
        for test in cases {
            let text = try #require(test["text"]?.string)
            let valid = try #require(test["expected"]?.string) == "true"
            let found = EntityScanner.hashtags(in: text).map(String.init)
            if EntityScanner.isHashtag(String(text.dropFirst())) != valid || (found == [String(text.dropFirst())]) != valid {
                failures.append("\(test["description"]?.string ?? "?"): '\(text)' found \(found), expected valid: \(valid)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) disagreements:\n\(failures.joined(separator: "\n"))")
    }

    @Test func everyTopLevelDomainOfTldLibYmlMakesALink() throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("tld_lib.yml"), encoding: .utf8)
        let lists = try ConformanceYAML.parse(text)
        var checked = 0
        var failures: [String] = []
        for kind in ["country", "generic"] {
            let tlds = try #require(lists[kind]).items.compactMap(\.string)
            #expect(tlds.count > 200)
            for tld in tlds {
                let samples = [
                    ("go to example.\(tld) now", "example.\(tld)"),
                    ("go to https://example.\(tld)/a now", "https://example.\(tld)/a"),
                ]
                for (sample, link) in samples {
                    let found = URLScanner.urlRanges(in: sample, requireScheme: false).map { String(sample[$0]) }
                    checked += 1
                    if found != [link] { failures.append("\(kind) .\(tld): \(found) in '\(sample)'") }
                }
            }
        }
        // A label that only starts like a TLD is not one.
        #expect(URLScanner.urlRanges(in: "example.comx", requireScheme: false).isEmpty)
        print("twitter-text tld_lib.yml: \(checked - failures.count)/\(checked) TLD links found")
        #expect(failures.isEmpty, "\(failures.count) TLDs not linked:\n\(failures.prefix(40).joined(separator: "\n"))")
    }
}
