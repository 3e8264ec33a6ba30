import Foundation
import GlocalCore

/// Where networks that fetch media themselves find a workspace's files: `base` (glocal's `…/media/`) and the path,
/// signed (`?expires=…&sig=…`) when a signer is given so the web server hands that file to a network without a session.
public struct MediaFilePublicURLs: Sendable {
    /// The folder URL the workspace paths are appended to, e.g. `https://glocal.example.com/media/`.
    public var base: URL
    /// Signs each URL; `nil` for a base that serves files to anyone (a CDN holding a copy of the assets).
    public var signer: MediaURLSigner?
    /// The current instant, from which a signed URL's expiry counts.
    public var clock: @Sendable () -> Date

    /// URLs under `base`, signed by `signer` at `clock`'s instant.
    public init(base: URL, signer: MediaURLSigner? = nil, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.base = base
        self.signer = signer
        self.clock = clock
    }

    /// The URL of the workspace file at `path`.
    public func url(for path: String) -> URL {
        let plain = base.appendingPathComponent(path)
        guard let signer else { return plain }
        return signer.signedURL(plain, path: path, now: clock())
    }
}
