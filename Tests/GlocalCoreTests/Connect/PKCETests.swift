import Foundation
import GlocalCore
import Testing

struct PKCETests {
    @Test func theChallengeIsRFC7636sExample() throws {
        // RFC 7636 appendix B.
        let pkce = try PKCE(verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
        #expect(pkce.challenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
    }

    @Test func aVerifierFromRandomBytesIsBase64URLOf43Characters() throws {
        let pkce = PKCE(randomBytes: [UInt8](repeating: 0xfb, count: 32))
        #expect(pkce.verifier.count == 43)
        #expect(!pkce.verifier.contains("+") && !pkce.verifier.contains("/") && !pkce.verifier.contains("="))
        #expect(try PKCE(verifier: pkce.verifier) == pkce)
    }

    @Test func badVerifiersAreRefusedWithTheReason() {
        #expect(throws: PKCE.Problem.length(42)) { try PKCE(verifier: String(repeating: "a", count: 42)) }
        #expect(throws: PKCE.Problem.length(129)) { try PKCE(verifier: String(repeating: "a", count: 129)) }
        #expect(throws: PKCE.Problem.character("+")) { try PKCE(verifier: String(repeating: "a", count: 50) + "+") }
    }
}
