import Foundation
import Hummingbird

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Instagram's fetch of a container's `image_url`, as Meta's servers make it: anonymous (no cookie, no token), and
/// only an image answered with 2xx counts (a sign-in page after a redirect is not one).
enum SandboxMediaFetch {
    /// Whether `address` answers an anonymous GET with 2xx and an `image/*` body.
    static func fetchesImage(at address: String) async -> Bool {
        guard let url = URL(string: address), ["http", "https"].contains(url.scheme?.lowercased() ?? "") else { return false }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        configuration.httpCookieStorage = nil
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        guard let (data, response) = try? await session.data(from: url), let http = response as? HTTPURLResponse else {
            return false
        }
        let type = (http.value(forHTTPHeaderField: "Content-Type") ?? "").lowercased()
        return (200..<300).contains(http.statusCode) && type.hasPrefix("image/") && !data.isEmpty
    }

    /// Meta's answer when it cannot fetch the media (Instagram error codes: 9004, subcode 2207052). The URL is not
    /// repeated: glocal's carry a signature, which must not travel into failure reasons and logs.
    static func notFetched() -> Response {
        SandboxReply.json(
            400,
            [
                "error": [
                    "message": "Only photo or video can be accepted as media type.", "type": "OAuthException", "code": 9004,
                    "error_subcode": 2_207_052, "is_transient": false, "error_user_title": "Media download has failed.",
                    "error_user_msg": "The media could not be fetched from this URI.", "fbtrace_id": "sandbox",
                ]
            ])
    }
}
