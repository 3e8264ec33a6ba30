import Foundation
import Testing

import GlocalCore

/// The hand-written parser reads network answers as `JSONSerialization` does, and refuses what it refuses.
struct JSONParserTests {
    static let documents = [
        #"{"id":"1850000000000000001","text":"Bonjour \"Lyon\" \u00e9\ud83d\ude00\n","n":42,"neg":-7,"f":1.25,"e":2E+3,"ok":true,"no":false,"nil":null}"#,
        #"  [ 1 , [ ] , { } , "a\/b" , 0 , -0.5e-2 ]  "#,
        #"{"data":{"id":"123","edit_history_tweet_ids":["123"]},"meta":{"result_count":1}}"#,
        #""just a string""#, "7", "true", "null",
        #"{"uri":"at://did:plc:abc/app.bsky.feed.post/3kabc","cid":"bafyrei","validationStatus":"valid","commit":{"rev":"x"}}"#,
        #"{"big":9223372036854775807,"tiny":1e-300,"esc":"\b\f\r\t\\"}"#,
    ]

    @Test(arguments: documents)
    func readsWhatFoundationReads(_ document: String) throws {
        let data = Data(document.utf8)
        let ours = try #require(JSONParser.parse(data))
        let foundation = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        // Compare through one canonical writer: same structure, same strings, same numbers.
        let canonical = { (value: Any) in
            String(decoding: try JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys]), as: UTF8.self)
        }
        #expect(try canonical(ours) == canonical(foundation))
    }

    @Test
    func typesAreNativeSwift() throws {
        let value = try #require(JSONParser.parse(Data(#"{"i":3,"d":3.5,"s":"x","b":true,"a":[null]}"#.utf8)) as? [String: Any])
        #expect(value["i"] as? Int == 3)
        #expect(value["d"] as? Double == 3.5)
        #expect(value["s"] as? String == "x")
        #expect(value["b"] as? Bool == true)
        #expect((value["a"] as? [Any])?.first is NSNull)
        // Beyond `Int`: a `Double`, as any JSON reader without big integers does.
        #expect(JSONParser.parse(Data("12345678901234567890".utf8)) as? Double == 12345678901234567890)
    }

    @Test(arguments: [
        "", " ", "{", "[1,]", #"{"a":1,}"#, #"{"a" 1}"#, "01", "1.", ".5", "-", "1e", "tru", "nul", #""unterminated"#,
        "\"raw\ncontrol\"", #""bad \x escape""#, #""\ud83d alone""#, #""\u12G4""#, "{} {}", "[1] x", "NaN", "+1",
        String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ])
    func refusesMalformedAnswers(_ document: String) {
        #expect(JSONParser.parse(Data(document.utf8)) == nil)
        #expect(JSONParser.parse(document) == nil)
    }
}
