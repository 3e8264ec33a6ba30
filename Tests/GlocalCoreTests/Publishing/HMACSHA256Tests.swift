import GlocalCore
import Testing

/// HMAC-SHA256 against RFC 4231's test vectors, and the constant-time comparison.
struct HMACSHA256Tests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test func rfc4231ShortKey() {
        let code = HMACSHA256.code(for: Array("Hi There".utf8), key: [UInt8](repeating: 0x0b, count: 20))
        #expect(Self.hex(code) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    }

    @Test func rfc4231KeyShorterThanTheCode() {
        let code = HMACSHA256.code(for: Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8))
        #expect(Self.hex(code) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func rfc4231KeyLongerThanABlockIsHashedFirst() {
        let message = Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)
        let code = HMACSHA256.code(for: message, key: [UInt8](repeating: 0xaa, count: 131))
        #expect(Self.hex(code) == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func constantTimeEqualsComparesEveryByteAndTheLength() {
        #expect(HMACSHA256.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!HMACSHA256.constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!HMACSHA256.constantTimeEquals([9, 2, 3], [1, 2, 3]))
        #expect(!HMACSHA256.constantTimeEquals([1, 2], [1, 2, 3]))
        #expect(HMACSHA256.constantTimeEquals([], []))
    }
}
