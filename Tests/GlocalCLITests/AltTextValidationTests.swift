import Foundation
import Testing

import GlocalUseCases

/// `glocal validate` holds each image's alt text to the limit of every network that receives it,
/// counted as that network counts, with the caret on the alt text in the campaign file.
@Suite struct AltTextValidationTests {
    /// Validation output of the golden base workspace with the launch post's alt text replaced by `alt`.
    static func validate(alt: String) throws -> String {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try workspace.write(
            "campaigns/hydra-launch.yaml", replacing: "alt: A bottle of Hydra serum}", with: "alt: \"\(alt)\"}")
        return try workspace.validate(verbose: false).output
    }

    /// The alt-text errors' lines, one per network (accounts of one network are merged).
    static func errors(_ output: String) -> [String] {
        output.components(separatedBy: "\n").filter { $0.contains("error[media.alt-text-too-long]") }
    }

    @Test func xCountsCodePointsUpToAThousand() throws {
        // 500 graphemes but 1 000 code points: at X's limit, as X counts.
        #expect(Self.errors(try Self.validate(alt: String(repeating: "e\u{301}", count: 500))).isEmpty)
        // An emoji is one code point (two UTF-16 units): 1 000 of them fit too.
        #expect(Self.errors(try Self.validate(alt: String(repeating: "💧", count: 1_000))).isEmpty)
        let over = Self.errors(try Self.validate(alt: String(repeating: "e\u{301}", count: 500) + "!"))
        #expect(over.count == 1)
        #expect(over.first?.contains("x/lum-fr-x and 1 more account: alt text of 'assets/serum-4x5.png' is 1001/1000") == true)
        // The caret is on the alt text: line 21, where its quoted value starts.
        #expect(over.first?.hasPrefix("campaigns/hydra-launch.yaml:21:47: ") == true, "\(over)")
    }

    @Test func mastodonTakesFifteenHundredAndLinkedInCountsUTF16() throws {
        let mastodon = Self.errors(try Self.validate(alt: String(repeating: "a", count: 1_501)))
        #expect(mastodon.contains { $0.contains("mastodon/lum-ca-mastodon: alt text") && $0.contains("1501/1500") })
        #expect(!mastodon.contains { $0.contains("linkedin/") })
        // 2 043 drops are 4 086 UTF-16 units, LinkedIn's limit; one more is over.
        #expect(!Self.errors(try Self.validate(alt: String(repeating: "💧", count: 2_043))).contains { $0.contains("linkedin/") })
        let linkedin = Self.errors(try Self.validate(alt: String(repeating: "💧", count: 2_044)))
        #expect(linkedin.contains { $0.contains("linkedin/lum-fr-linkedin") && $0.contains("4088/4086 UTF-16 code units") })
    }

    @Test func networksThatGetNoLimitOrNoAltTextNeverComplain() throws {
        let errors = Self.errors(try Self.validate(alt: String(repeating: "a", count: 5_000)))
        #expect(errors.count == 3, "X, Mastodon and LinkedIn: \(errors)")
        #expect(!errors.contains { $0.contains("bluesky/") || $0.contains("instagram/") })
    }
}
