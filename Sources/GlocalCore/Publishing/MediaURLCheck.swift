/// What a signed media URL's `expires` and `sig` say about a request for one media path.
public enum MediaURLCheck: Equatable, Sendable {
    /// The signature is the one for this path and expiry, and the expiry has not passed.
    case valid
    /// The request carries no `sig` or no `expires`.
    case missing
    /// `expires` is not a whole number of seconds or `sig` is not 64 hexadecimal digits.
    case malformed
    /// The signature does not match this path and expiry (tampered, or signed for another path or with another key).
    case mismatch
    /// The signature matches but its expiry has passed.
    case expired
}
