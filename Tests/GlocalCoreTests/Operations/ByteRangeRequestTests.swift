import GlocalCore
import Testing

/// The `Range` header of a media request: one `bytes` range honoured (206), one past the end refused (416), anything
/// else ignored for the whole file (200), as RFC 9110 §14 allows.
struct ByteRangeRequestTests {
    @Test func aSingleRangeIsThePartAskedForClampedToTheFile() {
        #expect(ByteRangeRequest(header: "bytes=0-99", size: 1_000) == .part(first: 0, last: 99))
        #expect(ByteRangeRequest(header: "bytes=100-", size: 1_000) == .part(first: 100, last: 999))
        #expect(ByteRangeRequest(header: "bytes=990-5000", size: 1_000) == .part(first: 990, last: 999))
        #expect(ByteRangeRequest(header: "bytes=-10", size: 1_000) == .part(first: 990, last: 999))
        #expect(ByteRangeRequest(header: "bytes=-5000", size: 1_000) == .part(first: 0, last: 999))
        #expect(ByteRangeRequest(header: " Bytes=7-7 ", size: 1_000) == .part(first: 7, last: 7))
        #expect(ByteRangeRequest(header: "bytes=0-99", size: 1_000).length(of: 1_000) == 100)
    }

    @Test func aRangeStartingPastTheEndOrAnEmptySuffixIsUnsatisfiable() {
        #expect(ByteRangeRequest(header: "bytes=1000-", size: 1_000) == .unsatisfiable)
        #expect(ByteRangeRequest(header: "bytes=1000-2000", size: 1_000) == .unsatisfiable)
        #expect(ByteRangeRequest(header: "bytes=-0", size: 1_000) == .unsatisfiable)
        #expect(ByteRangeRequest(header: "bytes=0-", size: 0) == .unsatisfiable)
        #expect(ByteRangeRequest(header: "bytes=99999999999999999999999-", size: 1_000) == .unsatisfiable)
    }

    @Test func anythingElseIsIgnoredForTheWholeFile() {
        for header in [
            nil, "", "items=0-9", "bytes=0-9,20-29", "bytes=9-0", "bytes=a-b", "bytes=", "bytes=-", "bytes=5", "bytes=-x",
        ] {
            #expect(ByteRangeRequest(header: header, size: 1_000) == .whole, "\(header ?? "nil")")
        }
        #expect(ByteRangeRequest.whole.length(of: 1_000) == 1_000)
    }
}
