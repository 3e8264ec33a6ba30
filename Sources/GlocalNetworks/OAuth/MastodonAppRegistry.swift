import Foundation

/// glocal's app on each Mastodon instance, registered the first time an account of that instance connects
/// (`POST /api/v1/apps` with the exact redirect URI and the scopes) and kept for the process's life.
public actor MastodonAppRegistry {
    private let transport: any HTTPTransport
    private var apps: [String: OAuthApp] = [:]

    /// A registry registering through `transport`.
    public init(transport: any HTTPTransport) { self.transport = transport }

    /// Why registering failed.
    public struct Failure: Error, CustomStringConvertible {
        /// The instance's answer.
        public var description: String
    }

    /// The app on `instance` for `redirectURI`, registered now if it is not yet.
    public func app(instance: URL, redirectURI: String, scopes: [String]) async throws -> OAuthApp {
        let key = "\(instance.absoluteString)|\(redirectURI)"
        if let app = apps[key] { return app }
        let body = JSON.encode([
            "client_name": "glocal", "redirect_uris": redirectURI, "scopes": scopes.joined(separator: " "),
            "website": "https://github.com/glocal",
        ])
        let url = FormEncoding.url(instance, path: "/api/v1/apps")
        let response = try await transport.send(
            HTTPRequest(method: "POST", url: url, headers: ["Content-Type": "application/json"], body: body))
        let json = JSON(data: response.body)
        guard response.isSuccess, let id = json["client_id"].string else {
            throw Failure(description: OAuthTokenRequests.reason(response))
        }
        let app = OAuthApp(clientID: id, clientSecret: json["client_secret"].string)
        apps[key] = app
        return app
    }

    /// How many instances have an app here.
    public var count: Int { apps.count }
}
