/// How a video is cut for TikTok's `FILE_UPLOAD`: chunks of 5 to 64 MB uploaded in order, the last one taking the
/// trailing bytes (up to 128 MB); a video under 5 MB goes whole; at most 1 000 chunks; `total_chunk_count` is the
/// size divided by the chunk size, rounded down (TikTok's media transfer guide).
public struct TikTokChunkPlan: Sendable, Equatable {
    /// The video's size in bytes.
    public var videoSize: Int
    /// The `chunk_size` declared at init.
    public var chunkSize: Int
    /// The `total_chunk_count` declared at init.
    public var chunkCount: Int

    /// The smallest chunk but a whole small video.
    public static let minimumChunk = 5_000_000
    /// The largest chunk but the last.
    public static let maximumChunk = 64_000_000

    /// The plan for `videoSize` bytes with chunks of about `preferredChunk` bytes (clamped to 5–64 MB).
    public init(videoSize: Int, preferredChunk: Int = 10_000_000) {
        self.videoSize = videoSize
        if videoSize < Self.minimumChunk {
            chunkSize = videoSize
            chunkCount = 1
            return
        }
        var chunk = min(max(preferredChunk, Self.minimumChunk), Self.maximumChunk, videoSize)
        if videoSize / chunk > 1_000 { chunk = (videoSize + 999) / 1_000 }
        chunkSize = chunk
        chunkCount = max(1, videoSize / chunk)
    }

    /// The byte range of chunk `index` (the last one runs to the end).
    public func range(of index: Int) -> Range<Int> {
        let start = index * chunkSize
        return start..<(index == chunkCount - 1 ? videoSize : start + chunkSize)
    }

    /// The chunk that starts at `byte`, when a chunk starts there.
    public func chunk(startingAt byte: Int) -> Int? {
        guard chunkSize > 0, byte % chunkSize == 0, byte / chunkSize < chunkCount else { return nil }
        return byte / chunkSize
    }
}
