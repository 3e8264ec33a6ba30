/// Where a resumable upload session stands, from Google's answer to a chunk or a status query.
enum YouTubeUploadProgress {
    /// `308 Resume Incomplete`: the server holds bytes `0..<next`; send from `next`.
    case incomplete(next: Int)
    /// `200`/`201`: every byte arrived and the video resource was created.
    case complete(JSON)
    /// `404`/`410`: the session expired; Google says to start over.
    case expired

    /// The next byte to send after a `308`'s `Range: bytes=0-N` (none: nothing was received).
    static func nextByte(range: String?) -> Int? {
        guard let range else { return 0 }
        guard range.hasPrefix("bytes=0-"), let last = Int(range.dropFirst("bytes=0-".count)) else { return nil }
        return last + 1
    }
}
