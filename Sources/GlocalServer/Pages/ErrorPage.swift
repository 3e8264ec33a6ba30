import Hummingbird

/// Error pages (403, 404, …) as HTML rather than Hummingbird's plain text.
enum ErrorPage {
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
}
