/// Record keys (TIDs) derived from a variant's idempotency key, so a retry reuses the same key.
public enum BlueskyRecordKey {
    private static let alphabet = Array("234567abcdefghijklmnopqrstuvwxyz")

    /// A 13-character TID from the 64-bit FNV-1a hash of `seed`, top bit cleared as the TID syntax requires.
    public static func tid(from seed: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        var value = hash & 0x7FFF_FFFF_FFFF_FFFF
        var characters: [Character] = []
        for _ in 0..<13 {
            characters.append(alphabet[Int(value & 31)])
            value >>= 5
        }
        return String(characters.reversed())
    }
}
