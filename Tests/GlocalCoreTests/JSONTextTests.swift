import Foundation
import Testing

import GlocalCore

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

    @Test
    func dynamicValuesAreWrittenWithSortedKeys() {
        let body: [String: Any] = [
            "text": "Hi \"there\"\nhttps://example.com/a", "zero": 0, "count": -42, "ratio": 1.5, "live": true, "off": false,
            "nothing": NSNull(), "langs": ["fr", "de"], "nested": ["b": [1, 2], "a": [] as [Any]] as [String: Any],
        ]
        #expect(
            JSONText.encode(body)
                == #"{"count":-42,"langs":["fr","de"],"live":true,"nested":{"a":[],"b":[1,2]},"nothing":null,"off":false,"#
                + #""ratio":1.5,"text":"Hi \"there\"\nhttps://example.com/a","zero":0}"#)
    }

    @Test
    func dynamicValuesReadBackAsFoundationReadsThem() throws {
        let body: [String: Any] = [
            "émoji 👩🏽‍💻": ["a\u{01}b", 3, 2.25, true, NSNull(), ["k": "v"]], "empty": [String: Any](),
            "url": "https://x.y/z?a=1&b=2",
        ]
        let read = try JSONSerialization.jsonObject(with: Data(JSONText.encode(body).utf8)) as? NSDictionary
        let direct = try JSONSerialization.jsonObject(with: JSONSerialization.data(withJSONObject: body)) as? NSDictionary
        #expect(read != nil)
        #expect(read == direct)
    }
}
