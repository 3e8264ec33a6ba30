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
        // Only media a campaign references, inside the workspace; anything else is 404, whether it exists or not.
        // Streamed in chunks, with single byte ranges (networks fetch videos in parts); HEAD answers the same headers.
        router.get("/media/**") { request, context -> Response in try media(request, context: context) }
        router.head("/media/**") { request, context -> Response in try media(request, context: context, head: true) }
    }

    /// `/media/PATH` for GET, or its headers alone for HEAD.
    private func media(_ request: Request, context: AppRequestContext, head: Bool = false) throws -> Response {
        let requested = context.parameters.getCatchAll().joined(separator: "/")
        if context.session == nil { try admitSigned(request, path: requested, context: context) }
        guard let file = environment.servedMedia.file(at: requested) else { throw HTTPError(.notFound) }
        var response = Self.response(file, range: request.headers[.range], ifRange: request.headers[.ifRange])
        if head {
            let length = response.headers[.contentLength]
            response.body = ResponseBody()
            response.headers[.contentLength] = length
        }
        return response
    }

    /// The answer for `file`: 200 with all of it, 206 with the one range asked for, or 416 for a range past its end.
    /// With `If-Range` (a validator this server does not give) the whole file is sent, as RFC 9110 wants.
    static func response(_ file: ServedMediaFile, range: String?, ifRange: String?) -> Response {
        let size = file.size
        var headers: HTTPFields = [
            .contentType: file.contentType, .cacheControl: "private, max-age=3600", .acceptRanges: "bytes",
        ]
        let asked = ByteRangeRequest(header: ifRange == nil ? range : nil, size: size)
        let status: HTTPResponse.Status
        let (first, last): (Int, Int)
        switch asked {
        case .whole:
            (status, first, last) = (.ok, 0, size - 1)
        case .part(let from, let to):
            (status, first, last) = (.partialContent, from, to)
            headers[.contentRange] = "bytes \(from)-\(to)/\(size)"
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            headers[.contentType] = nil
            return Response(status: .rangeNotSatisfiable, headers: headers, body: .init(byteBuffer: ByteBuffer()))
        }
        let body = ResponseBody(contentLength: asked.length(of: size)) { writer in
            for chunk in file.chunks(first: first, last: last) { try await writer.write(chunk.get()) }
            try await writer.finish(nil)
        }
        return Response(status: status, headers: headers, body: body)
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
