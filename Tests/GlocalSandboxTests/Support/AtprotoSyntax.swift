import Foundation

/// The atproto string formats as the reference implementation checks them (regexes quoted in
/// `shared/specs/atproto/SYNTAX-REGEXES.md` and the specs in `atproto-website`), proven against the interop vectors.
enum AtprotoSyntax {
    private static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }

    /// `did:method:identifier`, at most 2048 characters.
    static func isDID(_ text: String) -> Bool {
        text.count <= 2048 && matches(text, "^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$")
    }

    /// A DNS-like handle of at most 253 characters whose last label starts with a letter.
    static func isHandle(_ text: String) -> Bool {
        text.count <= 253
            && matches(text, "^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$")
    }

    /// A TID: 13 characters of sortable base32, the first with the top bit clear.
    static func isTID(_ text: String) -> Bool {
        matches(text, "^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")
    }

    /// A record key: 1–512 of `a-zA-Z0-9_~.:-`, not `.` or `..`.
    static func isRecordKey(_ text: String) -> Bool {
        text != "." && text != ".." && matches(text, "^[a-zA-Z0-9_~.:-]{1,512}$")
    }

    /// The loose CID syntax of the data model (`^[a-zA-Z0-9+=]{8,256}$`, no CIDv0 `Qmb…`).
    static func isCIDSyntax(_ text: String) -> Bool { matches(text, "^[a-zA-Z0-9+=]{8,256}$") && !text.hasPrefix("Qmb") }

    /// An NSID: reversed domain authority then a name.
    static func isNSID(_ text: String) -> Bool {
        text.count <= 317
            && matches(
                text,
                "^[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+"
                    + "(\\.[a-zA-Z]([a-zA-Z0-9]{0,62})?)$"
            )
    }

    /// The RFC 3339 subset atproto accepts: upper-case `T` and `Z`, seconds required, no `-00:00`.
    static func isDatetime(_ text: String) -> Bool {
        text.count <= 64 && !text.hasSuffix("-00:00")
            && matches(
                text,
                "^[0-9]{4}-(0[1-9]|1[012])-([0-2][0-9]|3[01])T([0-1][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)"
                    + "(\\.[0-9]+)?(Z|[+-]([0-1][0-9]|2[0-3]):[0-5][0-9])$"
            )
    }

    /// An `at://` URI: authority (DID or handle), then optionally a collection NSID and a record key.
    static func isATURI(_ text: String) -> Bool {
        guard text.count <= 8192, text.hasPrefix("at://"), !text.contains(" ") else { return false }
        var rest = String(text.dropFirst(5))
        if let hash = rest.firstIndex(of: "#") {
            let fragment = rest[rest.index(after: hash)...]
            guard fragment.hasPrefix("/"), matches(String(fragment), "^/[a-zA-Z0-9._~:@!$&')(*+,;=%\\[\\]/-]*$") else {
                return false
            }
            rest = String(rest[..<hash])
        }
        if rest.hasSuffix("/") { return false }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 3, let authority = parts.first, isDID(authority) || isHandle(authority) else { return false }
        if parts.count >= 2 { guard isNSID(parts[1]) else { return false } }
        if parts.count == 3 { guard isRecordKey(parts[2]) else { return false } }
        return true
    }

    /// A CID as the sandbox must give it: CIDv1, base32 `b…`, dag-cbor or raw, sha2-256 of 32 bytes.
    static func cidV1(_ text: String) -> (codec: UInt8, digest: [UInt8])? {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        guard text.hasPrefix("b") else { return nil }
        var bytes: [UInt8] = []
        var buffer = 0
        var bits = 0
        for character in text.dropFirst() {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((buffer >> (bits - 8)) & 0xff))
                bits -= 8
            }
            buffer &= (1 << bits) - 1
        }
        guard bytes.count == 36, bytes[0] == 0x01, [0x71, 0x55].contains(bytes[1]), bytes[2] == 0x12, bytes[3] == 0x20
        else { return nil }
        return (bytes[1], Array(bytes[4...]))
    }
}
