import Foundation
import GlocalCore
import Testing

/// Signed media URLs: valid for exactly their path until their expiry, refused when tampered, for another path,
/// with another key, expired, missing or malformed.
struct MediaURLSignerTests {
    static let key = [UInt8](repeating: 7, count: 32)
    static let signer = MediaURLSigner(key: key)
    static let path = "assets/hydra-launch/teaser 4x5.jpg"
    /// 2026-12-06T09:20:00Z.
    static let now = Date(timeIntervalSince1970: 1_796_548_800)

    func signed(_ path: String = path) -> (expires: String, sig: String) {
        let expires = Self.signer.expiry(signedAt: Self.now)
        return (String(expires), Self.signer.signature(path: path, expires: expires))
    }

    @Test func theExpiryIsAtLeastTheLifetimeRoundedUpToTheHour() {
        let expires = Self.signer.expiry(signedAt: Self.now)
        let earliest = Self.now.timeIntervalSince1970 + MediaURLSigner.defaultLifetime
        #expect(Double(expires) >= earliest && Double(expires) < earliest + 3_600)
        #expect(expires % 3_600 == 0)
        // A retry a minute later carries the same URL.
        #expect(Self.signer.expiry(signedAt: Self.now.addingTimeInterval(60)) == expires)
    }

    @Test func aSignatureIsValidForItsPathUntilItsExpiry() {
        let (expires, sig) = signed()
        #expect(sig.count == 64 && sig.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(Self.signer.check(path: Self.path, expires: expires, signature: sig, now: Self.now) == .valid)
        #expect(Self.signer.check(path: Self.path, expires: expires, signature: sig.uppercased(), now: Self.now) == .valid)
        let last = Date(timeIntervalSince1970: Double(Int64(expires)!) - 1)
        #expect(Self.signer.check(path: Self.path, expires: expires, signature: sig, now: last) == .valid)
        let end = Date(timeIntervalSince1970: Double(Int64(expires)!))
        #expect(Self.signer.check(path: Self.path, expires: expires, signature: sig, now: end) == .expired)
        #expect(
            Self.signer.check(path: Self.path, expires: expires, signature: sig, now: end.addingTimeInterval(86_400)) == .expired)
    }

    @Test func aTamperedSignatureOrExpiryIsAMismatch() {
        let (expires, sig) = signed()
        let flipped = String(sig.dropLast()) + (sig.last == "0" ? "1" : "0")
        #expect(Self.signer.check(path: Self.path, expires: expires, signature: flipped, now: Self.now) == .mismatch)
        let later = String(Int64(expires)! + 3_600)
        #expect(Self.signer.check(path: Self.path, expires: later, signature: sig, now: Self.now) == .mismatch)
    }

    @Test func aSignatureForAnotherPathOrUnderAnotherKeyIsAMismatch() {
        let (expires, sig) = signed()
        for other in ["assets/hydra-launch/teaser 4x5.png", "assets/hydra-launch/teaser%204x5.jpg", "", Self.path + "\n"] {
            #expect(Self.signer.check(path: other, expires: expires, signature: sig, now: Self.now) == .mismatch, "\(other)")
        }
        let otherKey = MediaURLSigner(key: [UInt8](repeating: 8, count: 32))
        #expect(otherKey.check(path: Self.path, expires: expires, signature: sig, now: Self.now) == .mismatch)
    }

    @Test func missingOrMalformedParametersAreToldApart() {
        let (expires, sig) = signed()
        #expect(Self.signer.check(path: Self.path, expires: nil, signature: sig, now: Self.now) == .missing)
        #expect(Self.signer.check(path: Self.path, expires: expires, signature: nil, now: Self.now) == .missing)
        for bad in ["", "+" + expires, "-1", "1e9", " " + expires, "99999999999999999999", "١٢"] {
            #expect(Self.signer.check(path: Self.path, expires: bad, signature: sig, now: Self.now) == .malformed, "\(bad)")
        }
        for bad in ["", String(sig.dropLast()), sig + "00", String(sig.dropLast()) + "g", String(repeating: "é", count: 32)] {
            #expect(Self.signer.check(path: Self.path, expires: expires, signature: bad, now: Self.now) == .malformed, "\(bad)")
        }
    }

    @Test func theSignedURLKeepsThePathEncodedAndAddsExpiryAndSignature() throws {
        let base = URL(string: "https://glocal.example.com/media/")!
        let url = Self.signer.signedURL(base.appendingPathComponent(Self.path), path: Self.path, now: Self.now)
        let components = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false))
        #expect(components.percentEncodedPath == "/media/assets/hydra-launch/teaser%204x5.jpg")
        let (expires, sig) = signed()
        #expect(components.queryItems == [URLQueryItem(name: "expires", value: expires), URLQueryItem(name: "sig", value: sig)])
        let withQuery = Self.signer.signedURL(URL(string: "https://cdn.example/a.jpg?v=2")!, path: "a.jpg", now: Self.now)
        #expect(withQuery.query?.hasPrefix("v=2&expires=") == true)
    }
}
