import Foundation
import GlocalCore
import Testing

/// Bluesky app passwords held to atproto's XRPC spec, `atproto-website/xrpc.en.mdx` in `../shared/specs` (read at
/// test time): the form it gives is taken, a primary password is not.
struct AppPasswordFormatTests {
    /// The spec's App Passwords paragraph.
    static func paragraph() throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/specs/atproto-website/xrpc.en.mdx")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try #require(
            text.components(separatedBy: "### App Passwords").dropFirst().first?.components(separatedBy: "###").first)
    }

    @Test func theSpecsFormIsTakenAndAPrimaryPasswordIsNot() throws {
        let paragraph = try Self.paragraph()
        #expect(paragraph.contains("clients can check against this format to prevent accidental logins with primary passwords"))
        // The form as the spec writes it, `xxxx-xxxx-xxxx-xxxx`, each x a letter or digit.
        let form = try #require(paragraph.components(separatedBy: "the form `").dropFirst().first?.prefix { $0 != "`" })
        #expect(form == "xxxx-xxxx-xxxx-xxxx")
        for (letter, digit) in [("a", "0"), ("z", "9"), ("q", "7")] {
            var toggle = false
            let password = String(
                form.map { character -> Character in
                    guard character == "x" else { return character }
                    toggle.toggle()
                    return Character(toggle ? letter : digit)
                })
            #expect(AppPasswordFormat.matches(password), "\(password)")
        }
        for primary in [
            "my-main-password", "abcd-efgh-ijkl", "abcd-efgh-ijkl-mnop-qrst", "abcdefghijklmnop", "abcd-efgh-ijkl-mnoé",
            "abcd-efgh-ijkl-mno!", "abcd--efgh-ijkl-mnop", "", "abcd-efgh-ijkl-mno",
        ] {
            #expect(!AppPasswordFormat.matches(primary), "\(primary)")
        }
        #expect(AppPasswordFormat.trimmed(" abcd-efgh-ijkl-mnop\n") == "abcd-efgh-ijkl-mnop")
    }

    @Test func theRefusalSaysWhatToDoAndThatNothingWasSent() {
        let message = ConnectRefusal.notAnAppPassword.description
        #expect(message.contains("nothing was sent") && message.contains("App passwords"))
        #expect(message.contains("never the account's own password"))
    }
}
