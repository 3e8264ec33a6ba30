import Foundation

/// One network app glocal is registered as: its client id and, for confidential clients, its secret. Never printed.
public struct OAuthApp: Sendable, Equatable, CustomStringConvertible {
    /// The client id (TikTok: client key).
    public var clientID: String
    /// The client secret, if the app has one.
    public var clientSecret: String?

    /// Creates an app.
    public init(clientID: String, clientSecret: String? = nil) {
        self.clientID = clientID
        self.clientSecret = clientSecret
    }

    /// The client id only.
    public var description: String { "OAuthApp(\(clientID), secret: \(clientSecret == nil ? "none" : "<redacted>"))" }

    /// The environment variables that name `network`'s app: `GLOCAL_<NETWORK>_CLIENT_ID` and `…_CLIENT_SECRET`.
    public static func variables(for network: String) -> (id: String, secret: String) {
        let name = "GLOCAL_\(network.uppercased())"
        return ("\(name)_CLIENT_ID", "\(name)_CLIENT_SECRET")
    }

    /// The apps named in `environment`, by network raw value (an empty id counts as none). `configured` names other
    /// variables for some networks (the service configuration's `client_id_env` / `client_secret_env`); they win.
    public static func fromEnvironment(
        _ environment: [String: String], networks: [String], configured: [String: (id: String, secret: String)] = [:]
    ) -> [String: OAuthApp] {
        var apps: [String: OAuthApp] = [:]
        for network in networks {
            let names = configured[network] ?? variables(for: network)
            guard let id = environment[names.id], !id.isEmpty else { continue }
            apps[network] = OAuthApp(clientID: id, clientSecret: environment[names.secret].flatMap { $0.isEmpty ? nil : $0 })
        }
        return apps
    }

    /// The app the sandbox knows on every network.
    public static let sandbox = OAuthApp(clientID: "glocal-sandbox", clientSecret: "sandbox-secret")
}
