import Foundation
import GlocalCore
import GlocalStore
import Testing

/// The media URL signer's key is derived from the workspace's secret key with HKDF and a label: the same on every
/// node sharing the key, different for another key, and never the secret key itself.
struct SecretKeyMediaURLTests {
    static let raw = Data((0..<32).map { UInt8($0) })

    @Test func theDerivedKeyIsHKDFWithTheLabelNeverTheKeyItself() throws {
        let key = try SecretKey(bytes: Self.raw)
        let derived = key.derivedKey(label: MediaURLSigner.keyLabel)
        #expect(derived.count == 32)
        #expect(derived != Array(Self.raw))
        // RFC 5869 by hand: extract with an all-zero salt, then one block of expand with the label as info.
        let pseudoRandomKey = HMACSHA256.code(for: Array(Self.raw), key: [UInt8](repeating: 0, count: 32))
        let expected = HMACSHA256.code(for: Array(MediaURLSigner.keyLabel.utf8) + [1], key: pseudoRandomKey)
        #expect(derived == expected)
        #expect(key.derivedKey(label: "another purpose") != derived)
    }

    @Test func nodesSharingTheKeyAcceptEachOthersURLsAndNoOtherKeyDoes() throws {
        let now = Date(timeIntervalSince1970: 1_796_115_600)
        let path = "assets/a.png"
        let one = try SecretKey(bytes: Self.raw).mediaURLSigner()
        let two = try SecretKey(bytes: Self.raw).mediaURLSigner()
        let expires = one.expiry(signedAt: now)
        let sig = one.signature(path: path, expires: expires)
        #expect(two.check(path: path, expires: String(expires), signature: sig, now: now) == .valid)
        let stranger = try SecretKey(bytes: Data(repeating: 9, count: 32)).mediaURLSigner()
        #expect(stranger.check(path: path, expires: String(expires), signature: sig, now: now) == .mismatch)
    }
}
