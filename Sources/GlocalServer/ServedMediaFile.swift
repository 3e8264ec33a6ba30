import Foundation
import GlocalCore
import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A media file opened for `/media/...`: its size and type, and its bytes read in chunks of at most `chunkSize`, so
/// that a video of any size is sent without ever being held whole in memory. Closes the file when released.
final class ServedMediaFile: @unchecked Sendable {
    /// The most bytes read (and held) at a time.
    static let chunkSize = 64 * 1024

    /// The file's size in bytes when it was opened.
    let size: Int
    /// Its `Content-Type`.
    let contentType: String
    // Only read with pread (no shared offset), so reads from several tasks never interfere.
    private let descriptor: Int32

    /// Takes over `descriptor` (closed on failure too); `nil` unless it is a regular file.
    init?(descriptor: Int32, contentType: String) {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        self.size = Int(info.st_size)
        self.contentType = contentType
    }

    deinit { close(descriptor) }

    /// The first 16 bytes (fewer for a shorter file), for the signature check.
    func head() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 16)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        return Array(bytes.prefix(max(0, count)))
    }

    /// The bytes `first...last`, in order, in chunks of at most `chunkSize` read one at a time as they are asked for.
    func chunks(first: Int, last: Int) -> Chunks { Chunks(file: self, first: first, end: last + 1) }

    /// The chunks of one range: each read only when the next is asked for; a read that fails or finds the file
    /// shorter than it was ends the sequence with an error (the answer is then cut short, never padded).
    struct Chunks: Sequence, IteratorProtocol {
        let file: ServedMediaFile
        var offset: Int
        let end: Int

        init(file: ServedMediaFile, first: Int, end: Int) {
            self.file = file
            self.offset = first
            self.end = end
        }

        /// Thrown when the file cannot be read to the end of the range.
        struct ReadFailure: Error {}

        /// The next chunk, or `nil` at the end of the range; `.failure` if the file cannot be read.
        mutating func next() -> Result<ByteBuffer, ReadFailure>? {
            guard offset < end else { return nil }
            let count = Swift.min(ServedMediaFile.chunkSize, end - offset)
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            let read = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { bytes in
                Swift.max(0, pread(file.descriptor, bytes.baseAddress, count, off_t(offset)))
            }
            guard read > 0 else {
                offset = end
                return .failure(ReadFailure())
            }
            offset += read
            return .success(buffer)
        }
    }
}
