import GlocalStore
import Hummingbird

/// The request context of the approval UI: Hummingbird's core storage plus the signed-in session.
public struct AppRequestContext: RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The session found from the cookie, if any (set by `SessionMiddleware`).
    public var session: Session?
    /// What the form this page answers a redirect of left for it (set by `FlashMiddleware`), once.
    var flash: Flash?

    /// Creates the context of a new request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Form posts are small; a larger body is refused.
    public var maxUploadSize: Int { 256 * 1024 }
}
