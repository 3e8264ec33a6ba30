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
        #expect(csv.hasPrefix("id,network,handle,locale,timezone,tags,team\r\n"))
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""))
        #expect(csv.contains("\"'@lumiere@mastodon.social\""))
        let (read, diagnostics) = Self.reader.read(csv)
        #expect(diagnostics.isEmpty)
        #expect(read == records)
    }
}
