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
        if let token = request.cookies[Self.cookieName]?.value {
            context.session = try environment.sessions.session(token: token, now: environment.now())
        }
        return try await next(request, context)
    }
}
