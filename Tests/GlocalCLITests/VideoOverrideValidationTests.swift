import Foundation
import Testing

import GlocalUseCases

/// `glocal validate` reads the YouTube and TikTok overrides of a post, holds YouTube's tags to 500 characters as
/// YouTube counts them, and warns where a TikTok post is not `SELF_ONLY` on an account marked `unaudited`.
@Suite struct VideoOverrideValidationTests {
    static let accounts = """
          - id: lum-us-youtube
            network: youtube
            handle: LumiereUS
            locale: en-US
            city: New York
            tags: [video]
          - id: lum-us-tiktok
            network: tiktok
            handle: lumiere.us
            locale: en-US
            city: New York
            tags: [video]
            unaudited: true

        """

    /// Validation output of the golden base with a YouTube and an unaudited TikTok account and a campaign whose
    /// post has `youtube` and `tiktok` overrides written as given.
    static func validate(youtube: String, tiktok: String, files: [String: Data] = [:]) throws -> String {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        for (path, bytes) in files { try bytes.write(to: workspace.root.appendingPathComponent(path)) }
        let accounts = workspace.root.appendingPathComponent("accounts.yaml")
        let base = try String(contentsOf: accounts, encoding: .utf8)
        try (base + Self.accounts).write(to: accounts, atomically: true, encoding: .utf8)
        let campaign = """
            campaign: video-tips
            kind: informative
            window: {start: 2026-12-01, end: 2026-12-31}
            targets: {tags: [video]}
            posts:
              - id: clip
                day: 1
                text: tips.hydration
                title: serum.launch
                media: [assets/teaser.mp4]
                networks:
                  youtube: \(youtube)
                  tiktok: \(tiktok)

            """
        try campaign.write(
            to: workspace.root.appendingPathComponent("campaigns/video-tips.yaml"), atomically: true, encoding: .utf8)
        return try workspace.validate(verbose: true).output
    }

    /// The lines of `rule` about the video campaign (the base's campaigns target every account, the new ones too).
    static func lines(_ output: String, _ rule: String) -> [String] {
        output.components(separatedBy: "\n").filter { $0.contains("[\(rule)") && $0.hasPrefix("campaigns/video-tips.yaml") }
    }

    @Test func everyOverrideIsReadAndSelfOnlyOnAnUnauditedAccountIsClean() throws {
        let output = try Self.validate(
            youtube: "{tags: [winter skin, hydra], privacy: unlisted, notify_subscribers: false, category: \"26\"}",
            tiktok: "{privacy_level: SELF_ONLY, disable_comment: true, disable_duet: true, disable_stitch: true, "
                + "brand_organic_toggle: true}"
        )
        #expect(Self.lines(output, "").filter { $0.contains(": error[") }.isEmpty, "\(output)")
        #expect(Self.lines(output, "tiktok.unaudited").isEmpty, "\(output)")
    }

    @Test func publicOnAnUnauditedAccountIsAWarningOnThePrivacyLevel() throws {
        let output = try Self.validate(youtube: "{privacy: public}", tiktok: "{privacy_level: PUBLIC_TO_EVERYONE}")
        let warnings = Self.lines(output, "tiktok.unaudited")
        #expect(warnings.count == 1, "\(output)")
        // The caret is on the privacy level: line 13 of the campaign, `tiktok: {privacy_level: …}`.
        #expect(warnings.first?.hasPrefix("campaigns/video-tips.yaml:13:") == true, "\(warnings)")
        #expect(warnings.first?.contains("warning[tiktok.unaudited]") == true)
        // Like every per-variant message, it starts with network/account (docs/ci.md).
        #expect(
            warnings.first?.contains(
                "warning[tiktok.unaudited]: tiktok/lum-us-tiktok: post 'clip' asks PUBLIC_TO_EVERYONE on an unaudited account")
                == true, "\(warnings)")
    }

    @Test func tagsOverFiveHundredCharactersAsYouTubeCountsThemAreAnError() throws {
        // 50 tags "tag with 10" (11 characters, a space: 13 counted) and 49 commas: 650 + 49 = 699.
        let tags = Array(repeating: "tag with 10", count: 50).joined(separator: ", ")
        let output = try Self.validate(youtube: "{tags: [\(tags)]}", tiktok: "{privacy_level: SELF_ONLY}")
        let errors = Self.lines(output, "youtube.tags")
        #expect(errors.count == 1, "\(output)")
        #expect(errors.first?.contains("YouTube tags are 699/500 characters") == true, "\(errors)")
        // The caret is on the 36th tag, the first past 500 (36 × 13 + 35 = 503): line 12, after
        // `      youtube: {tags: [` (23 columns) and 35 × "tag with 10, " (13 columns each).
        #expect(errors.first?.hasPrefix("campaigns/video-tips.yaml:12:479: error[youtube.tags]") == true, "\(errors)")
        #expect(output.contains("note: the tags from the caret on do not fit"), "\(output)")
        // 38 such tags: 38 × 13 + 37 = 531 > 500; 35: 35 × 13 + 34 = 489, clean.
        let fits = Array(repeating: "tag with 10", count: 35).joined(separator: ", ")
        #expect(Self.lines(try Self.validate(youtube: "{tags: [\(fits)]}", tiktok: "{}"), "youtube.tags").isEmpty)
    }

    @Test func wrongValuesAreReportedWithTheirKeys() throws {
        let output = try Self.validate(
            youtube: "{privacy: secret, category: music, notify_subscribers: maybe}",
            tiktok: "{privacy_level: FRIENDS, duet: false}")
        #expect(output.contains("category 'music' must be a numeric category id"), "\(output)")
        #expect(output.contains("'secret'"), "\(output)")
        #expect(output.contains("notify_subscribers"), "\(output)")
        #expect(output.contains("'FRIENDS'"), "\(output)")
        #expect(output.contains("error[key.unknown]") && output.contains("duet"), "\(output)")
    }

    /// The golden base's PNG (a real image); with `size`, grown to that many bytes by a private ancillary chunk
    /// (`glOc`) before its `IEND`, so that it stays a whole PNG.
    static func png(size: Int? = nil) throws -> Data {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/golden/base/assets/serum-4x5.png")
        let bytes = try Data(contentsOf: fixture)
        guard let size else { return bytes }
        let payload = Data(repeating: 0, count: size - bytes.count - 12)
        let typeAndData = Data("glOc".utf8) + payload
        var chunk = Data()
        for value in [UInt32(payload.count), crc32(typeAndData)] {
            if chunk.isEmpty {
                chunk += withUnsafeBytes(of: value.bigEndian) { Data($0) }
            } else {
                chunk += typeAndData + withUnsafeBytes(of: value.bigEndian) { Data($0) }
            }
        }
        return bytes.prefix(bytes.count - 12) + chunk + bytes.suffix(12)
    }

    /// PNG's chunk checksum (CRC-32, polynomial 0xEDB88320).
    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    @Test func aThumbnailInTheWorkspaceIsClean() throws {
        let output = try Self.validate(
            youtube: "{thumbnail: {path: assets/thumb.png, alt: Hydra serum}}", tiktok: "{privacy_level: SELF_ONLY}",
            files: ["assets/thumb.png": try Self.png()])
        #expect(Self.lines(output, "").filter { $0.contains(": error[") }.isEmpty, "\(output)")
        let plain = try Self.validate(
            youtube: "{thumbnail: assets/thumb.png}", tiktok: "{privacy_level: SELF_ONLY}",
            files: ["assets/thumb.png": try Self.png()])
        #expect(Self.lines(plain, "").filter { $0.contains(": error[") }.isEmpty, "\(plain)")
    }

    @Test func aMissingThumbnailIsReportedOnItsPath() throws {
        let output = try Self.validate(youtube: "{thumbnail: assets/thumbnail.png}", tiktok: "{}")
        let errors = Self.lines(output, "media.missing")
        #expect(errors.count == 1, "\(output)")
        // Line 12 of the campaign, the path's column: `      youtube: {thumbnail: assets/thumbnail.png}`.
        #expect(errors.first?.hasPrefix("campaigns/video-tips.yaml:12:28:") == true, "\(errors)")
        #expect(errors.first?.contains("'assets/thumbnail.png' does not exist") == true, "\(errors)")
    }

    @Test func aThumbnailThatIsNotJPEGOrPNGIsAnError() throws {
        let byName = try Self.validate(youtube: "{thumbnail: assets/teaser.mp4}", tiktok: "{}")
        let errors = Self.lines(byName, "media.type")
        #expect(errors.count == 1, "\(byName)")
        #expect(errors.first?.contains("YouTube thumbnail 'assets/teaser.mp4' is not a JPEG or PNG") == true, "\(errors)")
        // A .png whose content is a GIF: the content is what counts.
        let gif = Data("GIF89a".utf8) + Data([1, 0, 1, 0, 0, 0, 0, 0x3B])
        let byContent = try Self.validate(
            youtube: "{thumbnail: assets/fake.png}", tiktok: "{}", files: ["assets/fake.png": gif])
        #expect(Self.lines(byContent, "").contains { $0.contains(": error[media.") && $0.contains("fake.png") }, "\(byContent)")
    }

    @Test func aThumbnailOverTwoMegabytesIsAnError() throws {
        let output = try Self.validate(
            youtube: "{thumbnail: assets/big.png}", tiktok: "{}", files: ["assets/big.png": try Self.png(size: 2_097_153)])
        let errors = Self.lines(output, "media.size")
        #expect(errors.count == 1, "\(output)")
        #expect(errors.first?.contains("is 2097153 bytes, over YouTube's 2 MB") == true, "\(errors)")
        let fits = try Self.validate(
            youtube: "{thumbnail: assets/big.png}", tiktok: "{}", files: ["assets/big.png": try Self.png(size: 2_097_152)])
        #expect(Self.lines(fits, "media.size").isEmpty, "\(fits)")
    }

    @Test func aThumbnailOutsideTheWorkspaceIsRefusedLikeAnyMedium() throws {
        let output = try Self.validate(youtube: "{thumbnail: ../outside.png}", tiktok: "{}")
        let errors = Self.lines(output, "media.").filter { $0.contains(": error[media.") }
        #expect(errors.count == 1, "\(output)")
        #expect(errors.first?.contains("climbs out of the workspace") == true, "\(errors)")
    }
}
