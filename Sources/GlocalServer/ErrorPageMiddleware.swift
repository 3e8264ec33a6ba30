import GlocalUseCases
import Hummingbird
import Logging
import NIOHTTP1

/// Turns whatever a route or an inner middleware throws into a page, so no answer is a bare 500:
/// an `HTTPError` becomes its error page; a busy store (another process held SQLite's lock for longer
/// than the busy timeout) a 503 page with `Retry-After`, logged as a warning; a store that cannot be reached (PostgreSQL
/// stopped or restarting, an SQLite file that cannot be read) a 503 page saying whether a form was saved, logged as an
/// error; anything else a plain
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
        } catch var error as HTTPError {
            // A signed-out reader of a page is sent to sign in and then back to that page.
            if error.status == .seeOther, error.headers[.location] == "/login", request.method == .get {
                error.headers[.location] = SignInReturn.loginLocation(path: request.uri.path, query: request.uri.query)
            }
            return ErrorPage.response(for: error)
        } catch let error as any HTTPResponseError {
            return try error.response(from: request, context: context)
        } catch {
            let route = "\(request.method.rawValue) \(Self.route(request, context))"
            let failure = StoreFailure(error)
            switch failure.kind {
            case .busy:
                let waited = Self.seconds(clock.now - start)
                context.logger.warning(
                    "store busy: \(route) answered 503 after waiting \(waited) s for another process's lock on the store")
                return ErrorPage.storeBusy(requestID: context.id)
            case .unavailable, .outcomeUnknown:
                // The failure's one line names the server or file and SQLSTATE/SQLite code, never SQL or a password.
                context.logger.error("store unreachable: \(route) answered 503: \(failure.description)")
                let answer: StoreUnreachable.Answer =
                    failure.kind == .outcomeUnknown ? .maybeSaved : (Self.isForm(request) ? .notSaved : .page)
                return ErrorPage.storeUnreachable(answer, requestID: context.id)
            case .notADatabase, .refused, .failed:
                // A damaged file does not mend by itself: an internal error, not a moment's wait.
                context.logger.error("unexpected error: \(route) answered 500: \(type(of: error)): \(error)")
                return ErrorPage.unexpected(requestID: context.id)
            }
        }
    }

    /// Whether `request` may have changed something (a form sent with POST, PUT, PATCH or DELETE; signing in changes
    /// nothing the user made, so its page says only to try again).
    static func isForm(_ request: Request) -> Bool {
        ![.get, .head, .options].contains(request.method) && request.uri.path != "/login"
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
