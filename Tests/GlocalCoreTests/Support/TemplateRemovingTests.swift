import Testing

@testable import GlocalCore

/// `Template.removing(_:)`: a `{link}` published outside the text leaves no placeholder and no gap.
@Suite struct TemplateRemovingTests {
    func rendered(_ text: String) -> String {
        Template(text).removing("link").render { $0 == "city" ? "Paris" : nil }.text
    }

    @Test func theSpacesBeforeItGoWithIt() {
        #expect(rendered("A {link} B") == "A B")
        #expect(rendered("Shop online: {link}") == "Shop online:")
        #expect(rendered("In {city} \t{link}.") == "In Paris.")
        #expect(rendered("A{link} B") == "A B")
    }

    @Test func atTheStartOfALineTheSpacesAfterItGo() {
        #expect(rendered("{link} B") == "B")
        #expect(rendered("A\n  {link}  B") == "A\nB")
        #expect(rendered("{link} {link} B") == "B")
    }

    @Test func afterAnotherVariableNothingIsJoined() {
        #expect(rendered("{city}{link} B") == "Paris B")
        #expect(rendered("{city} {link}") == "Paris")
    }

    @Test func otherVariablesKeepTheirOffsetsAndNothingIsReportedMissing() {
        let rendering = Template("A {link} {handle}").removing("link").render { _ in nil }
        #expect(rendering.text == "A {handle}")
        #expect(rendering.missing == [TemplateRenderer.Problem(kind: .missingValue("handle"), offset: 9, length: 8)])
        #expect(Template("A {link}").occurrences(of: "link").map(\.offset) == [2])
    }
}
