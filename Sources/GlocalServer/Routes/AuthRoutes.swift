import Foundation
import GlocalStore
import Hummingbird

/// Sign in and sign out. The sign-in form carries a token matched against a short-lived cookie
/// (there is no session yet to hold it).
struct AuthRoutes {
    static let loginCookie = "glocal_login_csrf"
    let environment: ServerEnvironment

    func register(on router: Router<AppRequestContext>) {
        router.get("/login") { request, context -> Response in
            let next = SignInReturn.safe(request.uri.queryParameters["next"].map(String.init))
            if context.session != nil { return Layout.redirect(to: next) }
            return loginForm(status: .ok, next: next)
        }
        router.post("/login") { request, context -> Response in try await login(request, context: context) }
        router.post("/logout") { request, context -> Response in
            let guardian = RequestGuard(environment: environment)
            let session = try guardian.session(context)
            _ = try await guardian.form(request, context: context, session: session)
            if let token = request.cookies[SessionMiddleware.cookieName]?.value { try environment.sessions.close(token: token) }
            var response = Layout.redirect(to: "/login")
            response.setCookie(cookie(SessionMiddleware.cookieName, "", maxAge: 0, path: "/"))
            return response
        }
    }

    private func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await RequestGuard.body(request, context: context)
        guard let expected = request.cookies[Self.loginCookie]?.value, let given = form["csrf"],
            SessionToken.constantTimeEquals(expected, given)
        else {
            return loginForm(
                status: .forbidden, error: "The sign-in form expired. Please try again.", next: SignInReturn.safe(form["next"]))
        }
        let email = form["email"] ?? ""
        let next = SignInReturn.safe(form["next"])
        let now = environment.now()
        switch try environment.users.authenticate(email: email, password: form["password"] ?? "", now: now) {
        case .throttled(let until):
            let seconds = max(1, Int(until.timeIntervalSince(now).rounded(.up)))
            var response = loginForm(
                status: .tooManyRequests, email: email,
                error: "Too many failed attempts for this address. Try again in \((seconds + 59) / 60) minutes.", next: next)
            response.headers[.retryAfter] = "\(seconds)"
            return response
        case .invalid:
            return loginForm(status: .unauthorized, email: email, error: "Wrong e-mail or password.", next: next)
        case .success(let user):
            // The session this browser held until now ends here: a sign-in replaces it, never adds to it.
            if let replaced = request.cookies[SessionMiddleware.cookieName]?.value {
                try environment.sessions.close(token: replaced)
            }
            let (token, _) = try environment.sessions.open(for: user.email, now: now)
            var response = Layout.redirect(to: next)
            response.setCookie(cookie(SessionMiddleware.cookieName, token, maxAge: Int(environment.sessions.lifetime), path: "/"))
            response.setCookie(cookie(Self.loginCookie, "", maxAge: 0, path: "/login"))
            return response
        }
    }

    private func loginForm(status: HTTPResponse.Status, email: String = "", error: String? = nil, next: String = "/")
        -> Response
    {
        let token = SessionToken.random()
        var response = Layout.response(
            LoginPage.render(csrf: token, email: email, error: error, next: next), status: status)
        response.setCookie(cookie(Self.loginCookie, token, maxAge: 3600, path: "/login"))
        return response
    }

    private func cookie(_ name: String, _ value: String, maxAge: Int, path: String) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: path, secure: environment.secureCookies, httpOnly: true,
            sameSite: .lax)
    }
}
