import Foundation
import GlocalCore
import Testing

/// Reading accounts CSVs (RFC 4180, every row and cell checked) and writing them back.
struct AccountsCSVTests {
    static let reader = AccountsCSVReader(
        path: "new.csv", locales: ["en", "fr-FR"], teams: ["france": ["lumiere-fr-*"], "uk": ["lumiere-uk-*"]])

    @Test func quotedCellsWithCommasQuotesAndLineBreaksAreRead() {
        let table = CSVTable(parsing: "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\nlast,,\n")
        #expect(table.syntaxError == nil)
        #expect(
            table.records.map { $0.map(\.text) } == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "", ""]])
        #expect(table.records[2][0].line == 5)
        #expect(table.records[1][1].column == 8)
    }

    /// A lone CR ends a line inside a quoted cell too, as it does between records and in the quoted excerpt.
    @Test func aLoneCRInsideAQuotedCellCountsAsALine() {
        let table = CSVTable(parsing: "a,b\r\"one\rtwo\",x\rlast,y\r")
        #expect(table.syntaxError == nil)
        #expect(table.records.map { $0.map(\.text) } == [["a", "b"], ["one\rtwo", "x"], ["last", "y"]])
        #expect(table.records[2][0].line == 4)
        var sources = SourceFiles()
        sources.add(path: "new.csv", text: "a,b\r\"one\rtwo\",x\rlast,y\r")
        #expect(sources.line(4, of: "new.csv") == "last,y")
    }

    @Test func anUnclosedQuoteIsASyntaxErrorAtItsPlace() {
        let table = CSVTable(parsing: "a,b\n1,\"open\n")
        #expect(table.syntaxError?.line == 2)
        #expect(table.syntaxError?.column == 3)
        #expect(CSVTable(parsing: "a\nx\"y\n").syntaxError?.message.contains("unquoted cell") == true)
    }

    @Test func everyBadCellIsReportedByLineAndColumn() {
        let csv = """
            id,network,handle,locale,timezone,tags,team
            lumiere-fr-x,x,LumiereFR,fr-FR,Europe/Paris,beauty retail,france
            Lumiere_FR,mastadon,,de,Mars/Olympus,ok,uk
            lumiere-fr-x,x,Dup,fr-FR,,,
            lumiere-uk-x,x,h,en,,,france
            short,x
            """
        let (records, diagnostics) = Self.reader.read(csv)
        #expect(records.map(\.id) == ["lumiere-fr-x"])
        let found = diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.rule)" }
        #expect(
            found == [
                "3:1 id.invalid", "3:12 network.unknown", "3:21 value.invalid", "3:22 locale.unknown", "3:25 timezone.unknown",
                "4:1 id.duplicate", "5:23 value.invalid", "6:1 csv.row-width",
            ])
        #expect(diagnostics.first { $0.rule == "network.unknown" }?.notes.contains("did you mean 'mastodon'?") == true)
        #expect(diagnostics.allSatisfy { $0.location?.file == "new.csv" })
    }

    @Test func theHeaderNeedsTheRequiredColumnsAndNoUnknownOne() {
        let (_, diagnostics) = Self.reader.read("id,network,handel\n")
        #expect(diagnostics.map(\.rule) == ["csv.header", "csv.header"])
        #expect(diagnostics[0].notes.contains("did you mean 'handle'?"))
        #expect(diagnostics[1].message == "the header lacks the columns handle, locale")
    }

    @Test func exportIsRFC4180AndFormulaSafeAndReadsBack() {
        let records = [
            AccountRecord(
                id: "lumiere-fr-x", network: .x, handle: "=HYPERLINK(\"http://evil\")", locale: "fr-FR", timeZone: "Europe/Paris",
                tags: ["beauty", "retail"], teams: ["france"]),
            AccountRecord(id: "lumiere-uk-mastodon", network: .mastodon, handle: "@lumiere@mastodon.social", locale: "en"),
        ]
        let csv = AccountsCSVWriter.render(records)
        #expect(
            csv.hasPrefix(
                "id,network,handle,locale,timezone,tags,team,city,country,credentials,instance,max_characters,boards,location,"
                    + "unaudited\r\n"))
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""))
        #expect(csv.contains("\"'@lumiere@mastodon.social\""))
        let (read, diagnostics) = Self.reader.read(csv)
        #expect(diagnostics.isEmpty)
        #expect(read == records)
    }

    @Test func boardsCellsRenderAndParseBackWithEscapes() {
        let boards = [
            PinterestBoard(id: "1022106146619306511", name: "Winter skincare"),
            PinterestBoard(id: "1022106146619306512", name: "Hydra; Glow \\ 2: the return"),
        ]
        let text = PinterestBoardsCell.render(boards)
        #expect(text == "1022106146619306511:Winter skincare;1022106146619306512:Hydra\\; Glow \\\\ 2: the return")
        #expect(PinterestBoardsCell.parse(text).boards == boards)
        #expect(PinterestBoardsCell.parse(text).problems.isEmpty)
        #expect(
            PinterestBoardsCell.parse(" 1:A ; 2 : B ;").boards == [
                PinterestBoard(id: "1", name: "A"), PinterestBoard(id: "2", name: "B"),
            ])
        #expect(PinterestBoardsCell.parse("").boards.isEmpty && PinterestBoardsCell.parse("").problems.isEmpty)
    }

    @Test func everyProblemOfABoardsCellIsFoundWithItsPlace() {
        let (boards, problems) = PinterestBoardsCell.parse("1:A;;x1:B;2;3:;4:a\\q;5:a")
        #expect(boards.isEmpty)
        #expect(
            problems.map { "\($0.offset)+\($0.length) \($0.message)" } == [
                "18+2 '\\q' is not an escape in a boards cell",
                "3+1 an empty board entry in the boards cell",
                "5+2 board id 'x1' is not a Pinterest board id",
                "10+1 board '2' has no ':' between its id and its name",
                "13+1 board 3 has no name after ':'",
                "21+3 board 'a' (5) repeats board 'A' (1)",
            ])
    }

    @Test func theNetworkColumnsAreCheckedCellByCell() {
        let reader = AccountsCSVReader(
            path: "new.csv", locales: ["en"], teams: [:], existing: ["lumiere-uk-pinterest"])
        let csv = """
            id,network,handle,locale,instance,max_characters,boards,location,unaudited
            lumiere-uk-mastodon,mastodon,@l@m.example,en,m.example,0,,,
            lumiere-uk-x,x,l,en,,,1:Winter,accounts/1/locations/2,maybe
            lumiere-uk-gbp,google_business,Lumiere London,en,,,,London,
            lumiere-uk-new-pinterest,pinterest,lumiere,en,,,,,
            lumiere-uk-pinterest,pinterest,lumiere,en,,,,,
            lumiere-uk-tiktok,tiktok,lumiere,en,,2200,,,TRUE
            """
        let (records, diagnostics) = reader.read(csv)
        #expect(
            diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.rule)" } == [
                "2:46 link.invalid", "2:56 value.invalid", "3:23 value.invalid", "3:32 value.invalid", "3:55 value.invalid",
                "4:53 value.invalid", "5:49 key.missing",
            ])
        #expect(records.map(\.id) == ["lumiere-uk-pinterest", "lumiere-uk-tiktok"])
        #expect(records.last?.unaudited == true && records.last?.maxCharacters == 2200)
        #expect(records.first?.boards.isEmpty == true && records.first?.unaudited == nil)
    }
}
