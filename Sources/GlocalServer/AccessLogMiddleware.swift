import Foundation
import GlocalCore
import GlocalUseCases
import Hummingbird

/// Writes one access-log line per request: method, path (secret-looking query values redacted), status,
/// duration and the signed-in user's id. It sits just inside the session middleware (so it knows the
/// user) and turns errors into their pages itself, as ``ErrorPageMiddleware`` would, so the status logged
/// is the one sent. Never logs cookies, headers or bodies.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let log: ServiceLog

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        let clock = ContinuousClock()
        let start = clock.now
        var status = 0
        defer {
            let elapsed = clock.now - start
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            let entry = AccessLogEntry(
                method: request.method.rawValue, path: request.uri.path, query: request.uri.query, status: status,
                milliseconds: milliseconds, userID: context.session?.user.email)
            log.log(entry.line(at: log.now))
        }
        let response = try await ErrorPageMiddleware().handle(request, context: context, next: next)
        status = response.status.code
        return response
    }
}
