import Foundation

/// A session of Meta's Resumable Upload API (`POST /{app-id}/uploads`), holding the bytes received so far and, once
/// they are all in, the file handle a Page video publish takes as `fbuploader_video_file_chunk`.
struct SandboxGraphUpload: Sendable {
    /// The session as answered, `upload:<n>` (what follows `upload:` in the paths).
    var session: String
    /// The `sig` query parameter answered with the session id, required on every later call.
    var signature: String
    /// The app the session was opened under.
    var appID: String
    /// The account of the token that opened it (the text before `~`).
    var account: String
    var fileName: String
    /// The declared size in bytes.
    var fileLength: Int
    var fileType: String
    /// Bytes received so far, in order.
    var received = 0
    /// The file handle, once `received == fileLength`.
    var handle: String?

    /// The session id as Meta answers it: `upload:<session>?sig=<signature>`.
    var id: String { "upload:\(session)?sig=\(signature)" }
}
