import Foundation
import Hummingbird

/// The stylesheet, the workspace's media (for previews) and a health check.
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
        router.get("/media/**") { _, context -> Response in
            _ = try RequestGuard(environment: environment).session(context)
            let requested = context.parameters.getCatchAll().joined(separator: "/")
            guard let file = environment.servedMedia.file(at: requested) else { throw HTTPError(.notFound) }
            return Response(
                status: .ok, headers: [.contentType: file.contentType, .cacheControl: "private, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
        }
    }
}
