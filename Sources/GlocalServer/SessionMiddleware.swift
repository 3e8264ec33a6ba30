import Foundation
import Hummingbird

/// Finds the session of the `glocal_session` cookie and puts it in the context; an unknown or
/// expired token is simply no session.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "glocal_session"

    let environment: ServerEnvironment

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        var context = context
        // The stylesheet needs no session: it still loads (for the 503 page too) while the store cannot be reached.
        if let token = request.cookies[Self.cookieName]?.value, !request.uri.path.hasPrefix("/static/") {
            context.session = try environment.sessions.session(token: token, now: environment.now())
        }
        return try await next(request, context)
    }
}
