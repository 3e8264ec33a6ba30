import GlocalCore
@testable import GlocalYAML
import Testing

/// Merging accounts into accounts.yaml's text: comments, order and unknown keys kept; changed fields
/// rewritten in place; new accounts appended; what cannot be edited in place refused.
struct AccountsYAMLMergerTests {
    static let text = """
        # Our accounts.
        accounts:
          # France
          - id: lum-fr-x
            network: x
            handle: "LumiereFR"   # the brand's handle
            locale: fr-FR
            tags:
              - beauty
              - retail
            credentials: lum-fr-x
          - {id: lum-uk-x, network: x, handle: "LumiereUK", locale: en}

        """

    @Test func aChangedFieldIsRewrittenOnItsLineAndAMissingOneAdded() throws {
        let record = AccountRecord(
            id: "lum-fr-x", network: .x, handle: "LumiereFrance", locale: "fr-FR", timeZone: "Europe/Paris",
            tags: ["beauty", "paris"])
        let result = try AccountsYAMLMerger.merge([record], into: Self.text)
        #expect(result.updated.map(\.id) == ["lum-fr-x"])
        #expect(result.updated.first?.keys == ["handle", "timezone", "tags"])
        #expect(
            result.text == """
                # Our accounts.
                accounts:
                  # France
                  - id: lum-fr-x
                    network: x
                    handle: "LumiereFrance"   # the brand's handle
                    locale: fr-FR
                    tags: [beauty, paris]
                    credentials: lum-fr-x
                    timezone: Europe/Paris
                  - {id: lum-uk-x, network: x, handle: "LumiereUK", locale: en}

                """)
        #expect(AccountsYAMLMerger.problems(of: result.text).isEmpty)
    }

    @Test func anAccountAlreadyAsTheCSVSaysIsLeftAloneAndANewOneAppended() throws {
        let same = AccountRecord(id: "lum-fr-x", network: .x, handle: "LumiereFR", locale: "fr-FR", tags: ["beauty", "retail"])
        let new = AccountRecord(id: "lum-de-x", network: .x, handle: "Lumière \"DE\"", locale: "de", timeZone: "Europe/Berlin")
        let text = Self.text.replacingOccurrences(
            of: "  - {id: lum-uk-x, network: x, handle: \"LumiereUK\", locale: en}\n", with: "")
        let result = try AccountsYAMLMerger.merge([same, new], into: text)
        #expect(result.unchanged == ["lum-fr-x"])
        #expect(result.added == ["lum-de-x"])
        #expect(result.text.hasPrefix(text))
        #expect(
            result.text.dropFirst(text.count)
                == "  - id: lum-de-x\n    network: x\n    handle: \"Lumière \\\"DE\\\"\"\n    locale: de\n    timezone: Europe/Berlin\n"
        )
        #expect(AccountsYAMLMerger.problems(of: result.text).isEmpty)
    }

    @Test func aFlowStyleEntryIsRefusedAndNothingIsMerged() {
        let record = AccountRecord(id: "lum-uk-x", network: .x, handle: "LumiereGB", locale: "en")
        do {
            _ = try AccountsYAMLMerger.merge([record], into: Self.text)
            Issue.record("a flow-style entry was edited")
        } catch let refusal as AccountsYAMLMerger.Refusal {
            #expect(refusal.diagnostics.map(\.rule) == ["value.invalid"])
            #expect(refusal.diagnostics.first?.location?.line == 12)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func plainScalarsAreQuotedWhenYAMLWouldReadThemOtherwise() {
        #expect(AccountsYAMLMerger.plain("Europe/Paris") == "Europe/Paris")
        #expect(AccountsYAMLMerger.plain("no") == "\"no\"")
        #expect(AccountsYAMLMerger.plain("1.5") == "\"1.5\"")
        #expect(AccountsYAMLMerger.plain("-x") == "\"-x\"")
        #expect(AccountsYAMLMerger.plain("a: b") == "\"a: b\"")
    }

    @Test func boardsAreComparedAsBoardsAndRewrittenAsABlockList() throws {
        let text = """
            accounts:
              - id: lum-fr-pinterest
                network: pinterest
                handle: "lumiere"
                locale: fr-FR
                boards:   # where pins go
                  - {id: "1", name: "Hiver"}
                  - {id: "2", name: "Hydra"}
                credentials: lum-fr-pinterest

            """
        let boards = [PinterestBoard(id: "1", name: "Hiver"), PinterestBoard(id: "2", name: "Hydra")]
        let same = AccountRecord(id: "lum-fr-pinterest", network: .pinterest, handle: "lumiere", locale: "fr-FR", boards: boards)
        #expect(try AccountsYAMLMerger.merge([same], into: text).unchanged == ["lum-fr-pinterest"])
        var changed = same
        changed.boards = [PinterestBoard(id: "3", name: "Noël \"24\"")] + boards.prefix(1)
        changed.city = "Lyon\nPresqu'île"
        changed.maxCharacters = 500
        changed.unaudited = false
        let result = try AccountsYAMLMerger.merge([changed], into: text)
        #expect(result.updated.first?.keys == ["city", "max_characters", "boards", "unaudited"])
        #expect(
            result.text == """
                accounts:
                  - id: lum-fr-pinterest
                    network: pinterest
                    handle: "lumiere"
                    locale: fr-FR
                    boards:   # where pins go
                      - {id: "3", name: "Noël \\"24\\""}
                      - {id: "1", name: "Hiver"}
                    credentials: lum-fr-pinterest
                    city: "Lyon\\nPresqu'île"
                    max_characters: 500
                    unaudited: false

                """)
        #expect(AccountsYAMLMerger.problems(of: result.text).isEmpty)
        #expect(try AccountsYAMLMerger.merge([changed], into: result.text).unchanged == ["lum-fr-pinterest"])
    }
}
