import Foundation
import Hummingbird

/// Hands the page a flash names (``Flash``) to its GET, once: the answer clears the cookie. A flash another session
/// signed, or altered, is dropped; one for another page waits (at most a minute) for its own.
struct FlashMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let environment: ServerEnvironment

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        // Without a session (signed out, or a stylesheet, read without one) there is nothing to check it against.
        guard request.method == .get, let value = request.cookies[Flash.cookieName]?.value, let session = context.session
        else {
            return try await next(request, context)
        }
        var context = context
        var consumed = true
        if let flash = Flash(cookieValue: value, session: session) {
            if flash.path == request.uri.path {
                context.flash = flash
            } else {
                consumed = false
            }
        }
        var response = try await next(request, context)
        // The page's own answer may set a new flash (none does on GET today); it wins over the clearing.
        if consumed, !response.headers[values: .setCookie].contains(where: { $0.hasPrefix(Flash.cookieName + "=") }) {
            response.setCookie(Flash.cookie("", maxAge: 0, secure: environment.secureCookies))
        }
        return response
    }
}
