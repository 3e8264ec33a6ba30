import Foundation
import GlocalCore

/// The identifiers the sandbox hands out, in each network's own form: numeric ids (X, Mastodon, Graph), DIDs and
/// handles (Bluesky), TIDs. An account named by text (`alice` in a token `alice~…`, `lum-fr-fb` in a path) gets a
/// stable numeric id or DID derived from that text; an id already in the network's form stands for itself.
enum SandboxIdentity {
    /// `name` itself when it is all digits (at most `digits`), else a stable `digits`-digit number derived from it.
    static func numericID(_ name: String, digits: Int) -> String {
        if !name.isEmpty, name.count <= digits, name.allSatisfy({ $0.isASCII && $0.isNumber }) { return name }
        let low = UInt64(pow(10, Double(digits - 1)))
        return String(low + fnv1a(name) % (9 * low))
    }

    /// Whether `text` is a numeric id of 1 to `digits` digits (X: `^[0-9]{1,19}$`).
    static func isNumeric(_ text: String, digits: Int = 19) -> Bool {
        !text.isEmpty && text.count <= digits && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `name` itself when it is a `did:plc:` or `did:web:` DID, else a `did:plc:` of 24 base32 characters derived from it.
    static func did(_ name: String) -> String {
        if name.hasPrefix("did:plc:") || name.hasPrefix("did:web:") { return name }
        return "did:plc:" + String(SandboxCID.base32(SHA256Digest.digest(Array(name.utf8))).prefix(24))
    }

    /// A valid handle for an account: its DID's last part under `bsky.social` (`ewvi7nxzyoun6zhxrhs64oiz.bsky.social`).
    static func handle(_ name: String) -> String {
        let base = String(did(name).split(separator: ":").last ?? "")
        let label = String(base.lowercased().filter { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }.prefix(40))
            .trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return "\(label.isEmpty ? "user" : label).bsky.social"
    }

    /// A TID: microseconds since 1970 in 53 bits, then a 10-bit clock id, in sortable base32 (13 characters).
    static func tid(at date: Date, clockID: Int) -> String {
        let alphabet = Array("234567abcdefghijklmnopqrstuvwxyz")
        let micros = UInt64(max(0, date.timeIntervalSince1970 * 1_000_000)) & ((1 << 53) - 1)
        var value = (micros << 10) | UInt64(clockID & 1023)
        var characters: [Character] = []
        for _ in 0..<13 {
            characters.append(alphabet[Int(value & 31)])
            value >>= 5
        }
        return String(characters.reversed())
    }

    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
