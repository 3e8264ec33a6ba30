import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Refuses every redirect, so a 3xx answer reaches the client as it came. URLSession would otherwise
/// re-send a 307/308 request (a POST with its body, or under FoundationNetworking without it) to the
/// `Location`, behind the dispatcher's back, with the request's `Authorization` header.
final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    /// The one instance: the delegate holds no state.
    static let shared = RedirectRefusal()

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
