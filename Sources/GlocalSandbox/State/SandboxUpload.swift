/// A LinkedIn image or video registered with `initializeUpload`, waiting for (or holding) its bytes.
struct SandboxUpload: Sendable {
    /// The asset id in the upload URL (`D4E10AQsandbox1`).
    var asset: String
    /// `urn:li:image:…` or `urn:li:video:…`.
    var urn: String
    /// The owner URN given at initialisation.
    var owner: String
    /// How many parts the upload instructions asked for (1 for an image).
    var partCount: Int
    /// The ETag answered for each uploaded part, by part index.
    var parts: [Int: String] = [:]
    /// Whether a video was finalised (images are usable once their single part is uploaded).
    var finalized = false

    /// Whether a post may reference it.
    var isAvailable: Bool { urn.hasPrefix("urn:li:image:") ? parts.count == partCount : finalized }
}
