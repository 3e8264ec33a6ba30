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
        router.get("/media/**") { _, context -> Response in
            _ = try RequestGuard(environment: environment).session(context)
            let parts = context.parameters.getCatchAll().map(String.init)
            // Only files under assets/, never outside the workspace.
            guard parts.first == "assets", !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }),
                let type = Self.contentType(parts.last ?? "")
            else { throw HTTPError(.notFound) }
            let url = parts.reduce(environment.workspaceRoot) { $0.appendingPathComponent($1) }
            guard let data = FileManager.default.contents(atPath: url.path) else { throw HTTPError(.notFound) }
            return Response(
                status: .ok, headers: [.contentType: type, .cacheControl: "private, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    static func contentType(_ name: String) -> String? {
        switch name.split(separator: ".").last?.lowercased() {
        case "jpg", "jpeg": return "image/jpeg"
        case "png": return "image/png"
        case "webp": return "image/webp"
        case "gif": return "image/gif"
        default: return nil
        }
    }
}
