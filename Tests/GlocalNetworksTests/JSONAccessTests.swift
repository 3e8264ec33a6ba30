import Foundation
import Testing

@testable import GlocalNetworks

/// How clients read answers: ids as text whatever their JSON type, counters as integers.
struct JSONAccessTests {
    @Test
    func idsReadAsTextAndCountersAsIntegers() {
        #expect(JSON(data: Data(#"{"id":1850000000000000001}"#.utf8))["id"].string == "1850000000000000001")
        #expect(JSON(data: Data(#"{"id":"17895695668004550"}"#.utf8))["id"].string == "17895695668004550")
        #expect(JSON(data: Data(#"{"n":"12"}"#.utf8))["n"].int == 12)
        let counters = JSON(data: Data(#"{"likes":"12","views":7,"rate":2.0,"flag":true,"none":null}"#.utf8)).integerMembers
        #expect(counters == ["views": 7, "rate": 2])
    }

    @Test
    func anUnreadableAnswerDoesNotExist() {
        #expect(!JSON(data: Data("<html>502 Bad Gateway</html>".utf8)).exists)
        #expect(!JSON(data: Data()).exists)
        #expect(!JSON(data: Data("null".utf8)).exists)
    }

    @Test
    func bodiesAreCompactWithSortedKeys() {
        let body = JSON.encode(["text": "a/b \"c\"", "langs": ["fr"], "reply": ["id": 5]] as [String: Any])
        #expect(String(decoding: body, as: UTF8.self) == #"{"langs":["fr"],"reply":{"id":5},"text":"a/b \"c\""}"#)
    }
}
