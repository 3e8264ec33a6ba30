import Testing

@testable import GlocalCore

/// Text that came from outside (a campaign's escaped `\e`, a reject reason typed in the web UI) reaches neither a
/// terminal nor a calendar client as a control character.
struct TerminalSafeOutputTests {
    @Test func terminalTextEscapesControlsAndBidiButKeepsLinesAndTabs() {
        #expect(TerminalText.safe("a\u{1B}]0;pwned\u{7}\r\u{202E}b\n\tc") == "a\\u{1B}]0;pwned\\u{7}\\u{D}\\u{202E}b\n\tc")
        #expect(TerminalText.safe("Découvrez Hydra 💧") == "Découvrez Hydra 💧")
    }

    @Test func aOneLineEntryShowsALineBreakEscapedAndKeepsTabs() {
        // A rejection reason typed on two lines is allowed; in `glocal audit` it must not read as two entries.
        #expect(TerminalText.oneLine("wrong price\r\nsee\tbrief") == "wrong price\\u{D}\\u{A}see\tbrief")
    }

    @Test func iCalendarTextEndsNoContentLineAndCarriesNoControlCharacter() {
        let renderer = ICalendarRenderer(workspace: "w")
        #expect(renderer.escape("a\r\nb\nc\rd\u{85}e\u{2028}f") == "a\\nb\\nc\\nd\\ne\\nf")
        #expect(renderer.escape("x\u{0}y\u{1B}[2Jz\u{7F}") == "xy[2Jz")
        #expect(renderer.escape("; , \\ \tok") == "\\; \\, \\\\ \tok")
        // A lone CR used to stay raw: a client that reads it as a line break saw an injected line.
        #expect(!renderer.escape("END:VEVENT\rBEGIN:VALARM").unicodeScalars.contains("\r"))
    }

    /// A file name is input too: a pull request may add `campaigns/x\n::error file=pwn::…yaml`, which the text format
    /// must not print as a line of its own (a GitHub runner would read it as a workflow command).
    @Test func aFileNameWithALineFeedOrEscapesCannotStartALineOrDriveTheTerminal() {
        let evil = "campaigns/evil\n::error file=pwn::pwned\u{1B}]0;t\u{7}\u{202E}.yaml"
        let diagnostic = Diagnostic(.error, .yamlSyntax, "broken", at: SourceLocation(file: evil, line: 1, column: 1))
        let text = TextDiagnosticRenderer(sources: SourceFiles()).renderDiagnostics([diagnostic])
        #expect(!text.contains("\n::error"), "\(text)")
        #expect(!text.unicodeScalars.contains { DiagnosticText.isUnsafe($0) && $0 != "\n" }, "\(text)")
        #expect(text.hasPrefix("campaigns/evil\\u{A}::error file=pwn::pwned\\u{1B}]0;t\\u{7}\\u{202E}.yaml:1:1: error"))
        let github = GitHubAnnotationRenderer().command(for: diagnostic)
        #expect(!github.unicodeScalars.contains { DiagnosticText.isUnsafe($0) }, "\(github)")
        #expect(github.hasPrefix("::error file=campaigns/evil%0A%3A%3Aerror file=pwn%3A%3Apwned\\u{1B}]0;t\\u{7}\\u{202E}.yaml,"))
    }
}
