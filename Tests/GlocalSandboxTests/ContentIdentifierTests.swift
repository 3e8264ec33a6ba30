import Crypto
import Foundation
import Testing

@testable import GlocalSandbox

/// The sandbox's record CIDs are real: DAG-CBOR bytes as RFC 8949 and the DAG-CBOR spec give them, hashed with SHA-256
/// (checked against swift-crypto), in a CIDv1 whose syntax the interop vectors' rules accept.
@Suite struct ContentIdentifierTests {
    @Test func dagCBORMatchesTheRFC8949ExamplesAndSortsKeysByLengthFirst() {
        // RFC 8949 Appendix A: {"a": 1, "b": [2, 3]} and a 24-character string.
        #expect(
            DAGCBOREncoder.encode(["a": 1, "b": [2, 3]] as [String: Any]) == [
                0xa2, 0x61, 0x61, 0x01, 0x61, 0x62, 0x82, 0x02, 0x03,
            ])
        #expect(DAGCBOREncoder.encode(String(repeating: "a", count: 24)) == [0x78, 0x18] + Array(repeating: 0x61, count: 24))
        #expect(DAGCBOREncoder.encode(-500) == [0x39, 0x01, 0xf3])
        // DAG-CBOR map keys: shorter first, then bytewise.
        #expect(
            DAGCBOREncoder.encode(["bb": 1, "a": 2, "ab": 3] as [String: Any])
                == [0xa3, 0x61, 0x61, 0x02, 0x62, 0x61, 0x62, 0x03, 0x62, 0x62, 0x62, 0x01])
    }

    @Test func aLinkIsTag42OverTheBinaryCIDWithItsZeroPrefix() throws {
        let blob = SandboxCID.string(of: [1, 2, 3], codec: SandboxCID.raw)
        let binary = try #require(SandboxCID.decode(blob))
        #expect(binary == [0x01, 0x55, 0x12, 0x20] + Array(SHA256.hash(data: Data([1, 2, 3]))))
        #expect(DAGCBOREncoder.encode(["$link": blob] as [String: Any]) == [0xd8, 0x2a, 0x58, 0x25, 0x00] + binary)
    }

    @Test func aRecordCIDIsTheSHA256OfItsEncoding() throws {
        let record: [String: Any] = ["$type": "app.bsky.feed.post", "text": "Bonjour", "createdAt": "2026-12-01T09:00:00.000Z"]
        let cid = SandboxCID.record(record)
        let decoded = try #require(AtprotoSyntax.cidV1(cid))
        #expect(decoded.codec == 0x71)
        #expect(decoded.digest == Array(SHA256.hash(data: Data(DAGCBOREncoder.encode(record)))))
        #expect(cid.hasPrefix("bafyrei") && AtprotoSyntax.isCIDSyntax(cid))
    }

    @Test func sandboxIdentifiersPassTheInteropSyntaxRules() {
        for name in ["alice", "lum-fr-bsky", "did:plc:ewvi7nxzyoun6zhxrhs64oiz"] {
            #expect(AtprotoSyntax.isDID(SandboxIdentity.did(name)))
            #expect(AtprotoSyntax.isHandle(SandboxIdentity.handle(name)))
        }
        #expect(SandboxIdentity.did("did:web:lumiere.example") == "did:web:lumiere.example")
        let tids = (0..<3).map { SandboxIdentity.tid(at: SandboxCalls.start.addingTimeInterval(Double($0)), clockID: 7) }
        #expect(tids.allSatisfy(AtprotoSyntax.isTID) && tids == tids.sorted(), "TIDs are valid and sort by time: \(tids)")
        #expect(SandboxIdentity.numericID("2244994945", digits: 19) == "2244994945")
        #expect(SandboxIdentity.numericID("lumiere-us", digits: 18).count == 18)
        #expect(SandboxIdentity.numericID("lumiere-us", digits: 18) != SandboxIdentity.numericID("lumiere-fr", digits: 18))
    }
}
