import GlocalCore
import GlocalStore

extension WorkspaceAccess {
    /// The signer of the media URLs networks fetch, keyed from `secretKey()` (so every node sharing that key signs and
    /// accepts the same URLs).
    public func mediaURLSigner() throws -> MediaURLSigner { try secretKey().mediaURLSigner() }
}
