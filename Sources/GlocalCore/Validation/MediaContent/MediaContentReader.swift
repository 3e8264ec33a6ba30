/// Decodes a media file's content and compares it with what its name promises.
public enum MediaContentReader {
    /// What `source` holds, for a file whose extension is `fileExtension` (`jpg`, `mp4`…).
    public static func read(_ source: ByteSource, fileExtension: String) -> MediaDecoding {
        let head = source.bytes(at: 0, count: 16)
        let expected = MediaFormat.expected(forExtension: fileExtension)
        if source.count == 0, let expected { return MediaDecoding(content: nil, problem: .truncated(expected, "it is empty")) }
        var decoding: MediaDecoding
        if let format = ImageDecoder.format(of: head) {
            decoding = ImageDecoder.decode(format, source)
        } else if VideoContainerReader.format(of: head) != nil {
            decoding = VideoContainerReader.decode(source)
        } else if head.starts(with: [0x1A, 0x45, 0xDF, 0xA3]) {
            // EBML: WebM or Matroska; glocal does not read its duration.
            decoding = MediaDecoding(content: MediaContent(format: .webm))
        } else {
            guard let expected else { return MediaDecoding(content: nil) }
            return MediaDecoding(content: nil, problem: .unrecognized(expected: expected, startsWithText: looksLikeText(head)))
        }
        if decoding.problem == nil, let expected, let actual = decoding.content?.format, actual != expected {
            decoding.problem = .formatMismatch(expected: expected, actual: actual)
        }
        return decoding
    }

    /// Printable ASCII, tabs and line ends only (a text file, an HTML error page saved as .jpg…).
    static func looksLikeText(_ head: [UInt8]) -> Bool {
        !head.isEmpty && head.allSatisfy { (0x20...0x7E).contains($0) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
