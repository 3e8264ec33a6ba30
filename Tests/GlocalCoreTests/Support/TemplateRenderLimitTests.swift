import Testing

@testable import GlocalCore

/// `Template.render(limit:)`: the whole length is known without building what is past the limit.
@Suite struct TemplateRenderLimitTests {
    @Test func underTheLimitTheTextIsWholeAndNothingOverflows() {
        let rendered = Template("Hello {city}!").render(limit: 12) { $0 == "city" ? "Paris" : nil }
        #expect(rendered.text == "Hello Paris!")
        #expect(rendered.overflow == nil)
    }

    @Test func pastTheLimitTheTextStopsAndTheOverflowCountsEveryByteAndNamesTheLongestValue() {
        let city = String(repeating: "é", count: 50)  // 100 bytes
        let rendered = Template("{city}, {city} and {brand}").render(limit: 150) {
            $0 == "city" ? city : $0 == "brand" ? "Lumière" : nil
        }
        #expect(rendered.overflow == Template.Overflow(bytes: 100 + 2 + 100 + 5 + 8, largest: ("city", 100)))
        #expect(rendered.text == city + ", ")
        #expect(rendered.text.utf8.count <= 150)
    }

    @Test func aPlainTextPastTheLimitOverflowsWithNoVariableToBlame() {
        let rendered = Template(String(repeating: "a", count: 11)).render(limit: 10) { _ in nil }
        #expect(rendered.overflow == Template.Overflow(bytes: 11, largest: nil))
        #expect(rendered.overflow?.largestVariable == nil)
    }

    @Test func theMissingValuesAreStillReportedPastTheLimit() {
        let rendered = Template("{city} {handle}").render(limit: 3) { $0 == "city" ? "Paris" : nil }
        #expect(rendered.missing.map(\.kind) == [.missingValue("handle")])
        #expect(rendered.overflow?.bytes == 5 + 1 + 8)
    }
}
