import Hummingbird

/// Error pages (403, 404, 503, 500, …) as HTML rather than Hummingbird's plain text or empty body.
enum ErrorPage {
    /// The page of an `HTTPError` a route threw: its status, its message, its headers.
    static func response(for error: HTTPError) -> Response {
        let title: String
        switch error.status {
        case .forbidden: title = "Forbidden"
        case .notFound: title = "Not found"
        case .unauthorized: title = "Sign in required"
        case .tooManyRequests: title = "Too many attempts"
        default: title = error.status.reasonPhrase
        }
        let body: HTML = """
            <h1>\(title)</h1><p class="error">\(error.body ?? title)</p><p><a href="/">Back to my queue</a></p>
            """
        var response = Layout.response(Layout.page(title: title, session: nil, body), status: error.status)
        for field in error.headers { response.headers.append(field) }
        return response
    }

    /// 503 with `Retry-After`: another process held the store's lock for longer than the busy timeout.
    static func storeBusy(requestID: String) -> Response {
        let title = "The store is being updated"
        let body: HTML = """
            <h1>\(title)</h1>
            <p class="error" id="store-busy">The store is being updated by another process \
            (for example <code>glocal apply</code>), so this request could not be carried out. Try again in a few seconds.</p>
            <p>If you sent a form (approve, reject, save, pause), open the page again once the store is free to see what was \
            recorded, and send the form again if it was not.</p>
            <p><a href="/">Back to my queue</a></p>
            <p>Request id <code>\(requestID)</code></p>
            """
        var response = Layout.response(Layout.page(title: title, session: nil, body), status: .serviceUnavailable)
        response.headers[.retryAfter] = String(StoreBusy.retryAfterSeconds)
        return response
    }

    /// 503 with `Retry-After` while the store cannot be reached: short, nothing of the error, and for a form whether
    /// it was saved.
    static func storeUnreachable(_ answer: StoreUnreachable.Answer, requestID: String) -> Response {
        let title = "The database is not reachable"
        let outcome: HTML
        switch answer {
        case .page:
            outcome = ""
        case .notSaved:
            outcome = """
                <p class="error" id="not-saved"><strong>Your change was not saved.</strong> \
                Send the form again once the database is back.</p>
                """
        case .maybeSaved:
            outcome = """
                <p class="error" id="maybe-saved"><strong>The connection broke while your change was being saved, so it may \
                or may not have been recorded.</strong> Open the page again once the database is back to see which, \
                before you send the form again.</p>
                """
        }
        let body: HTML = """
            <h1>\(title)</h1>
            <p class="error" id="store-unreachable">The database is not reachable; try again in a moment.</p>
            \(outcome)<p><a href="/">Back to my queue</a></p>
            <p>Request id <code>\(requestID)</code></p>
            """
        var response = Layout.response(Layout.page(title: title, session: nil, body), status: .serviceUnavailable)
        response.headers[.retryAfter] = String(StoreUnreachable.retryAfterSeconds)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// 500 for an error nobody expected: no detail in the answer, only the request id the log names.
    static func unexpected(requestID: String) -> Response {
        let title = "Something went wrong"
        let body: HTML = """
            <h1>\(title)</h1>
            <p class="error">The server could not answer this request because of an internal error. \
            The server's log has the details under request id <code>\(requestID)</code>.</p>
            <p><a href="/">Back to my queue</a></p>
            """
        return Layout.response(Layout.page(title: title, session: nil, body), status: .internalServerError)
    }
}
