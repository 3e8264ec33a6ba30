import Testing

@testable import GlocalCore

/// One rule for e-mail addresses: managers in glocal.yaml and `glocal user add`.
@Suite struct EmailAddressTests {
    @Test(arguments: ["claire@lumiere.example", "claire.martin+hydra@mail.lumiere.example", "zoé@lumière.example"])
    func addressesAreAccepted(_ text: String) {
        #expect(EmailAddress.isValid(text))
    }

    @Test(arguments: [
        "c@x.example\r\nDATA", "c@x.example\u{1B}[2J", "c@x.example\u{0}", "c@x.example\u{202E}", "c\u{200B}@x.example",
        "c@x.example\u{2060}", "c\u{3164}@x.example", "c\u{AD}@x.example", "c@x.example>", "c,d@x.example",
        "c;d@x.example", "<c@x.example", "Claire <c@x.example>", "c @x.example", "c\u{A0}@x.example", "c\t@x.example",
        "c@x.example\u{2028}", "c\"d@x.example",
    ])
    func controlsWhiteSpaceInvisiblesAndSpecialsAreRefused(_ text: String) {
        #expect(!EmailAddress.isValid(text))
        #expect(EmailAddress.problem(in: text)?.hasPrefix("it holds ") == true)
    }

    @Test func theProblemIsSaidInPlainWords() {
        #expect(EmailAddress.problem(in: "c@x.example\u{202E}") == "it holds U+202E RIGHT-TO-LEFT OVERRIDE")
        #expect(EmailAddress.problem(in: "c,d@x.example") == "it holds ','")
        #expect(EmailAddress.problem(in: "@claire") == "nothing comes before '@'")
        #expect(EmailAddress.problem(in: "claire") == "it has no '@'")
        #expect(EmailAddress.problem(in: "c@@x.example") == "it has 2 '@', an address has one")
        #expect(EmailAddress.problem(in: "a@b") == "'b' after '@' is not a domain such as lumiere.example")
        #expect(EmailAddress.problem(in: "a@x..example") != nil)
        #expect(EmailAddress.problem(in: "a@.example") != nil)
        #expect(EmailAddress.problem(in: "a@x.example.") != nil)
    }
}
