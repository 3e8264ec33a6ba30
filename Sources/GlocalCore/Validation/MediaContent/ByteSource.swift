/// Random access to a file's bytes, so that decoders read only the few parts they need.
public protocol ByteSource {
    /// The total length in bytes.
    var count: Int { get }
    /// Up to `length` bytes from `offset`: fewer at the end of the file, none past it or for a negative offset.
    func bytes(at offset: Int, count length: Int) -> [UInt8]
}

/// Bytes held in memory (tests, small files).
public struct InMemoryBytes: ByteSource {
    /// The whole content.
    public let storage: [UInt8]

    /// Wraps `storage`.
    public init(_ storage: [UInt8]) { self.storage = storage }

    /// The length of `storage`.
    public var count: Int { storage.count }

    /// A slice of `storage`, clamped to its end.
    public func bytes(at offset: Int, count length: Int) -> [UInt8] {
        guard offset >= 0, length > 0, offset < storage.count else { return [] }
        return Array(storage[offset..<(offset + min(length, storage.count - offset))])
    }
}

/// Reading integers out of byte arrays without trapping on short input.
enum ByteFields {
    /// The big-endian unsigned integer of `width` bytes at `offset`, or `nil` when the bytes are not all there.
    static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ width: Int) -> Int? {
        guard offset >= 0, width > 0, width <= 8, offset + width <= bytes.count else { return nil }
        var value: UInt64 = 0
        for byte in bytes[offset..<(offset + width)] { value = value << 8 | UInt64(byte) }
        return value > UInt64(Int.max) ? nil : Int(value)
    }

    /// The little-endian unsigned integer of `width` bytes at `offset`, or `nil` when the bytes are not all there.
    static func littleEndian(_ bytes: [UInt8], _ offset: Int, _ width: Int) -> Int? {
        guard offset >= 0, width > 0, width <= 8, offset + width <= bytes.count else { return nil }
        var value: UInt64 = 0
        for byte in bytes[offset..<(offset + width)].reversed() { value = value << 8 | UInt64(byte) }
        return value > UInt64(Int.max) ? nil : Int(value)
    }

    /// Four ASCII bytes at `offset` as text (a PNG chunk type, a RIFF or ISO box type).
    static func fourCC(_ bytes: [UInt8], _ offset: Int) -> String? {
        guard offset >= 0, offset + 4 <= bytes.count else { return nil }
        return String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self)
    }
}
