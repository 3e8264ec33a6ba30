/// Byte-level access to a string's UTF-8, for the counters' single-pass scans.
enum UTF8Buffer {
    /// Calls `body` with the UTF-8 bytes of `text` (without copying native strings).
    static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// The scalar value starting at byte offset `i` (which must start a scalar) and its length in bytes.
    ///
    /// The bytes come from a `String`, so they are valid UTF-8.
    @inline(__always) static func scalar(in buf: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let lead = buf[i]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 { return (UInt32(lead & 0x1F) << 6 | UInt32(buf[i + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return (UInt32(lead & 0x0F) << 12 | UInt32(buf[i + 1] & 0x3F) << 6 | UInt32(buf[i + 2] & 0x3F), 3)
        }
        let value =
            UInt32(lead & 0x07) << 18 | UInt32(buf[i + 1] & 0x3F) << 12
            | UInt32(buf[i + 2] & 0x3F) << 6 | UInt32(buf[i + 3] & 0x3F)
        return (value, 4)
    }
}
