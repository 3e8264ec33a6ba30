import Foundation

/// HMAC-SHA256 (RFC 2104) on the core's own ``SHA256Digest`` (the core has no crypto dependency).
public enum HMACSHA256 {
    /// SHA-256's block size in bytes.
    static let blockSize = 64

    /// The 32-byte authentication code of `message` under `key`.
    public static func code(for message: [UInt8], key: [UInt8]) -> [UInt8] {
        var block = key.count > blockSize ? SHA256Digest.digest(key) : key
        block += [UInt8](repeating: 0, count: blockSize - block.count)
        let inner = SHA256Digest.digest(block.map { $0 ^ 0x36 } + message)
        return SHA256Digest.digest(block.map { $0 ^ 0x5c } + inner)
    }

    /// Whether `a` and `b` are equal, in a time that depends on their lengths only (never on where they differ).
    public static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
