import Hummingbird

/// A known address asked with a method it does not answer is 405 *Method Not Allowed* with an `Allow` header listing
/// the methods it does answer (RFC 9110, 15.5.6), never 404: the address exists. HEAD is allowed wherever GET is
/// (the router answers it on every GET route).
enum MethodNotAllowedRoutes {
    /// The methods answered 405 on an address that does not take them; any other method is refused by the HTTP
    /// parser or answered 404.
    static let methods: [HTTPRequest.Method] = [.get, .head, .post, .put, .delete, .patch, .options, .trace]

    /// Registers, on every address `router` already serves, a 405 answer for each method of ``methods`` it does not
    /// take. Call it once, after every other route.
    static func register(on router: Router<AppRequestContext>) {
        var byPath: [String: (path: RouterPath, methods: Set<HTTPRequest.Method>)] = [:]
        for route in router.routes {
            byPath[route.path.description, default: (route.path, [])].methods.insert(route.method)
        }
        for (path, methods) in byPath.values {
            let allowed = allowed(methods)
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            for method in Self.methods where !allowed.contains(method) {
                router.on(path, method: method) { request, _ -> Response in
                    throw HTTPError(
                        .methodNotAllowed, headers: [.allow: allow],
                        message: "This address does not take \(request.method.rawValue): it answers \(allow) only.")
                }
            }
        }
    }

    /// The methods an address registered with `methods` answers, in ``methods``' order then any other: HEAD
    /// joins GET.
    static func allowed(_ methods: Set<HTTPRequest.Method>) -> [HTTPRequest.Method] {
        var all = methods
        if all.contains(.get) { all.insert(.head) }
        return Self.methods.filter(all.contains) + all.subtracting(Self.methods).sorted { $0.rawValue < $1.rawValue }
    }
}
