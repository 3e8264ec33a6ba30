import Hummingbird

/// Reads the global crisis pause once per signed-in page request and binds it to
/// `GlobalPauseBanner.current`, so the layout shows it on every page.
struct GlobalPauseMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let environment: ServerEnvironment

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        let path = request.uri.path
        guard context.session != nil, !path.hasPrefix("/static/"), !path.hasPrefix("/media/") else {
            return try await next(request, context)
        }
        let pause = try environment.store.publishQueue.globalPause()
        guard pause.paused else { return try await next(request, context) }
        return try await GlobalPauseBanner.$current.withValue(GlobalPauseBanner(reason: pause.reason)) {
            try await next(request, context)
        }
    }
}
