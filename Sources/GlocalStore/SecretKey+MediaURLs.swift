import GlocalCore

extension SecretKey {
    /// The signer of the media URLs networks fetch, with a key derived from this one (the same on every node that
    /// shares this key, so any node's web server accepts any node's URLs).
    public func mediaURLSigner(lifetime: Double = MediaURLSigner.defaultLifetime) -> MediaURLSigner {
        MediaURLSigner(key: derivedKey(label: MediaURLSigner.keyLabel), lifetime: lifetime)
    }
}
