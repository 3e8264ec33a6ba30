import Foundation
import Testing

@testable import GlocalCore

/// Where Mastodon's API docs are: `../shared/specs/mastodon` next to the package (read, never copied here).
enum MastodonSpecs {
    static let instance = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/specs/mastodon/instance.md")
    static let exists = FileManager.default.fileExists(atPath: instance.path)
}

/// Mastodon's rules row holds the limits of the `configuration` that `GET /api/v2/instance` answers in Mastodon's own
/// documentation (`instance.md`, the first example; the second is the older v1 endpoint's).
@Suite(.enabled(if: MastodonSpecs.exists, "Mastodon's instance.md not found in ../shared/specs/mastodon"))
struct MastodonInstanceLimitsTests {
    /// The numbers of the first `"section": { … }` object in `instance.md`, by key.
    static func numbers(in section: String) throws -> [String: Int] {
        let text = try String(contentsOf: MastodonSpecs.instance, encoding: .utf8)
        let start = try #require(text.range(of: "\"\(section)\": {"), "no \(section) in instance.md")
        let end = try #require(text.range(of: "}", range: start.upperBound..<text.endIndex))
        var numbers: [String: Int] = [:]
        for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let value = Int(parts[1].trimmingCharacters(in: CharacterSet(charactersIn: " ,")))
            else { continue }
            numbers[parts[0].trimmingCharacters(in: CharacterSet(charactersIn: " \""))] = value
        }
        return numbers
    }

    @Test func theRulesRowIsTheDocumentedConfiguration() throws {
        let statuses = try Self.numbers(in: "statuses")
        let media = try Self.numbers(in: "media_attachments")
        let rules = NetworkRules.forNetwork(.mastodon)
        #expect(rules.maxTextLength == statuses["max_characters"])
        #expect(rules.urlWeight == statuses["characters_reserved_per_url"])
        #expect(rules.maxImages == statuses["max_media_attachments"])
        #expect(rules.maxImageBytes == media["image_size_limit"])
        #expect(rules.maxVideoBytes == media["video_size_limit"])
        #expect(rules.maxImagePixels == media["image_matrix_limit"])
        #expect(rules.maxVideoPixels == media["video_matrix_limit"])
        #expect(rules.altText == .limited(max: try #require(media["description_limit"]), counting: .codePoints))
    }

    @Test func aPictureIsTooLargeOnlyPastThePixelLimit() {
        let limit = NetworkRules.forNetwork(.mastodon).maxImagePixels
        func excess(_ width: Int, _ height: Int, max: Int?) -> String? {
            VariantRuleChecker.pixelExcess(
                MediaFileInfo(bytes: 100, pixelWidth: width, pixelHeight: height), kind: "image", shown: "a.png", max: max,
                network: "Mastodon")
        }
        #expect(excess(7680, 4320, max: limit) == nil)
        #expect(
            excess(7681, 4320, max: limit)
                == "image 'a.png' is 7681×4320 pixels (33 181 920), Mastodon accepts at most 33 177 600 pixels")
        #expect(excess(100_000, 100_000, max: nil) == nil)
        // A size whose product does not fit an Int is over any limit.
        #expect(excess(Int.max, 2, max: limit)?.hasPrefix("image 'a.png' is \(Int.max)×2 pixels, Mastodon") == true)
    }
}
