import Hummingbird
import Logging
import NIOHTTP1

/// Turns whatever a route or an inner middleware throws into a page, so no answer is a bare 500:
/// an `HTTPError` becomes its error page; a busy store (another process held SQLite's lock for longer
/// than the busy timeout) a 503 page with `Retry-After`, logged as a warning; anything else a plain
/// 500 page naming the request id, logged as an error with that id. Logs name the route and the
/// error, never the request's body, query or cookies.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            return try await next(request, context)
        } catch let error as HTTPParserError {
            // The request itself broke off (a body cut short when the idle timeout closed the connection):
            // there is nobody to answer, and Hummingbird closes the connection on it.
            throw error
        } catch let error as HTTPError {
            return ErrorPage.response(for: error)
        } catch let error as any HTTPResponseError {
            return try error.response(from: request, context: context)
        } catch {
            let route = "\(request.method.rawValue) \(Self.route(request, context))"
            if StoreBusy.isBusy(error) {
                let waited = Self.seconds(clock.now - start)
                context.logger.warning(
                    "store busy: \(route) answered 503 after waiting \(waited) s for another process's lock on the store")
                return ErrorPage.storeBusy(requestID: context.id)
            }
            context.logger.error("unexpected error: \(route) answered 500: \(type(of: error)): \(error)")
            return ErrorPage.unexpected(requestID: context.id)
        }
    }

    /// The route's pattern (`/variants/{campaign}/{post}/{account}/approve`), or the path without its query.
    static func route(_ request: Request, _ context: Context) -> String {
        if let pattern = context.endpointPath, pattern != "NotFound" { return pattern }
        return request.uri.path
    }

    /// A duration in seconds with one decimal: `5.0`.
    static func seconds(_ duration: Duration) -> String {
        let tenths = (duration.components.seconds * 10) + duration.components.attoseconds / 100_000_000_000_000_000
        return "\(tenths / 10).\(tenths % 10)"
    }
}
