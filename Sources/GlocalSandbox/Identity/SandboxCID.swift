import Foundation
import GlocalCore

/// Content identifiers as atproto uses them: CIDv1, sha-256, base32 lower-case with the `b` multibase prefix.
enum SandboxCID {
    /// The dag-cbor codec (records, commits): `bafyrei…`.
    static let dagCBOR: UInt8 = 0x71
    /// The raw codec (blobs): `bafkrei…`.
    static let raw: UInt8 = 0x55
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")

    /// The CID of `bytes` under `codec`, as text.
    static func string(of bytes: [UInt8], codec: UInt8) -> String { "b" + base32(binary(of: bytes, codec: codec)) }

    /// The binary CID: version 1, codec, sha2-256 multihash.
    static func binary(of bytes: [UInt8], codec: UInt8) -> [UInt8] { [0x01, codec, 0x12, 0x20] + SHA256Digest.digest(bytes) }

    /// The CID of a record: sha-256 over its DAG-CBOR encoding.
    static func record(_ value: Any) -> String { string(of: DAGCBOREncoder.encode(value), codec: dagCBOR) }

    /// RFC 4648 base32, lower case, without padding.
    static func base32(_ bytes: [UInt8]) -> String {
        var output = ""
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
            buffer &= (1 << bits) - 1
        }
        if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return output
    }

    /// The bytes of a `b`-prefixed base32 CID, or `nil` if it is not one.
    static func decode(_ text: String) -> [UInt8]? {
        guard text.hasPrefix("b") else { return nil }
        var output: [UInt8] = []
        var buffer = 0
        var bits = 0
        for character in text.dropFirst() {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> (bits - 8)) & 0xff))
                bits -= 8
            }
            buffer &= (1 << bits) - 1
        }
        return output
    }
}
