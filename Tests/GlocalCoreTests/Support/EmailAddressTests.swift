import Testing

@testable import GlocalCore

/// One rule for e-mail addresses: managers in glocal.yaml and `glocal user add`.
@Suite struct EmailAddressTests {
    @Test(arguments: [
        "claire@lumiere.example", "claire.martin+hydra@mail.lumiere.example", "zoe@xn--lumire-6ua.example",
    ])
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

    /// glocal's mail goes out without SMTPUTF8: a non-ASCII local part cannot be delivered, and a domain is written in
    /// its ASCII (xn--) form.
    @Test func anAddressGlocalCannotSendToIsRefusedWithWhatToDo() {
        #expect(
            EmailAddress.problem(in: "zoé@lumiere.example")
                == "it holds 'é' (U+00E9 LATIN SMALL LETTER E WITH ACUTE), and glocal sends mail without SMTPUTF8, "
                + "so it cannot deliver to a local part that is not ASCII: use an ASCII address of that person")
        #expect(
            EmailAddress.problem(in: "zoe@lumière.example")
                == "it holds 'è' (U+00E8 LATIN SMALL LETTER E WITH GRAVE), and glocal sends mail without SMTPUTF8, "
                + "so a domain is written in its ASCII form (xn--…, as the domain's registrar shows it)")
        #expect(
            UserStoreError.invalidEmail("zoé@lumiere.example").description
                == "'zoé@lumiere.example' is not an e-mail address glocal accepts: it holds 'é' (U+00E9 LATIN SMALL LETTER E "
                + "WITH ACUTE), and glocal sends mail without SMTPUTF8, so it cannot deliver to a local part that is not "
                + "ASCII: use an ASCII address of that person")
        #expect(!EmailAddress.isValid("克莱尔@lumiere.example"))
        #expect(!EmailAddress.isValid("claire@ｌumiere.example"))
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
