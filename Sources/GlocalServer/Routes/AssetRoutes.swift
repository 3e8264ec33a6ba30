import Foundation
import GlocalCore
import Hummingbird

/// The stylesheet, the workspace's media (for previews, and for networks that fetch a post's image) and a health check.
struct AssetRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<AppRequestContext>) {
        router.get("/static/app.css") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
        }
        router.get("/health") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        // Only images a campaign references, inside the workspace; anything else is 404, whether it exists or not.
        router.get("/media/**") { request, context -> Response in
            let requested = context.parameters.getCatchAll().joined(separator: "/")
            if context.session == nil { try admitSigned(request, path: requested, context: context) }
            guard let file = environment.servedMedia.file(at: requested) else { throw HTTPError(.notFound) }
            return Response(
                status: .ok, headers: [.contentType: file.contentType, .cacheControl: "private, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
        }
    }

    /// Lets a request without a session through only with a valid, unexpired signature for exactly `path` (a network
    /// fetching a post's image): without `expires`/`sig` it is sent to sign in as any page is; with a signature that
    /// is tampered, for another path, expired or malformed it gets 403, the same answer whatever the reason, before
    /// anything tells whether the file exists.
    private func admitSigned(_ request: Request, path: String, context: AppRequestContext) throws {
        let query = request.uri.queryParameters
        let (expires, signature) = (query["expires"].map(String.init), query["sig"].map(String.init))
        guard expires != nil || signature != nil else {
            _ = try RequestGuard(environment: environment).session(context)
            return
        }
        guard let signer = environment.mediaSigner, let decoded = path.removingPercentEncoding,
            signer.check(path: decoded, expires: expires, signature: signature, now: environment.now()) == .valid
        else { throw HTTPError(.forbidden, message: "This media link is not valid.") }
    }
}
