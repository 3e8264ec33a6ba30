import GlocalCore
import Testing

/// An edit holding a control character other than a line break or a tab is refused, naming each and where it is.
struct EditedTextControlsTests {
    @Test func lineBreaksTabsAndOrdinaryTextPass() {
        #expect(EditedTextControls.diagnostics(in: "Hiver à Paris\n\tbuvez de l'eau 💧", network: .x, account: "a").isEmpty)
    }

    @Test func aControlCharacterIsNamedWithItsLineAndColumn() throws {
        let found = EditedTextControls.diagnostics(in: "Hydra\nOffrez\u{7} à vos proches", network: .x, account: "lumiere-fr-x")
        let problem = try #require(found.first)
        #expect(found.count == 1 && problem.severity == .error && problem.rule == "text.control-character")
        #expect(problem.message == "x/lumiere-fr-x: text holds a control character: U+0007 BELL at line 2, column 7")
        #expect(problem.notes == ["only a line break and a tab are kept: delete it and save again"])
        #expect(problem.location?.line == 2 && problem.location?.column == 7)
    }

    @Test func severalAreCountedAndTheFirstThreeNamed() {
        // A column counts characters: the emoji before the escape is one.
        let text = "💧\u{1B}[2J a\u{0}b\u{7F}c\u{85}d\r"
        let message = EditedTextControls.diagnostics(in: text, network: .bluesky, account: "b").first?.message
        #expect(
            message
                == "bluesky/b: text holds 5 control characters: U+001B ESCAPE at line 1, column 2, U+0000 NULL at line 1, "
                + "column 8, U+007F DELETE at line 1, column 10 and 2 more")
    }
}
