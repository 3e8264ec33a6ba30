import Testing

@testable import GlocalCore

@Suite("Rendering: output formats")
struct OutputFormatRenderingTests {
    @Test func rawValuesAreTheCommandLineNames() {
        #expect(OutputFormat.allCases.map(\.rawValue) == ["text", "json", "github", "sarif"])
        #expect(OutputFormat(rawValue: "sarif") == .sarif)
        #expect(OutputFormat(rawValue: "xml") == nil)
    }
}
