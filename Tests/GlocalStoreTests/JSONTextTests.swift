import Foundation
import Testing

@testable import GlocalStore

/// `JSONText` must write exactly what `JSONEncoder` would, and what it writes must read back.
struct JSONTextTests {
    static let samples = [
        "", "plain", "Line one\nline two\r\n\ttabbed", "quote \" and backslash \\ and slash /",
        "control \u{01}\u{1F} bytes", "émoji 👩🏽‍💻 and 中文\n\"quoted\"", "\\\"\n", "ends with newline\n",
    ]

    @Test(arguments: samples)
    func stringMatchesJSONEncoder(_ sample: String) throws {
        var json = JSONText(capacity: 0)
        json.string(sample)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(sample), as: UTF8.self)
        #expect(json.text == expected)
        #expect(try JSONDecoder().decode(String.self, from: Data(json.text.utf8)) == sample)
    }

    @Test
    func arrayOfStrings() throws {
        let items = ["a\nb", "c\"d", ""]
        #expect(try JSONDecoder().decode([String].self, from: Data(JSONText.array(items).utf8)) == items)
    }
}
