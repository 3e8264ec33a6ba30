import ArgumentParser
import Foundation
import GlocalCore
import GlocalNetworks
import GlocalServer
import GlocalStore
import GlocalUseCases

/// The options of connecting accounts by OAuth, shared by `serve`, `run` and `account connect --browser` (the public
/// URL is `serve`'s and `run`'s `--public-url`, which the notifications' links use too).
struct ConnectOptions: ParsableArguments {
    @Option(
        name: .customLong("oauth-sandbox"),
        help: "Connect accounts through the glocal sandbox at this URL instead of the real networks' sign-in pages.")
    var oauthSandbox: String?

    /// The public base URL from `--public-url` (`flag`, shared with the notifications' links) or `GLOCAL_PUBLIC_URL`,
    /// checked: http(s), a host, no query or fragment. OAuth redirects go to `<URL>/connect/<network>/callback`;
    /// without one, to the address the browser used.
    func publicBaseURL(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL? {
        try Self.publicBaseURL(flag: flag, environment: environment)
    }

    /// As the instance method, for commands without the connect options (`dispatch`).
    static func publicBaseURL(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> URL?
    {
        guard let text = flag ?? environment["GLOCAL_PUBLIC_URL"], !text.isEmpty else { return nil }
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil, url.query == nil,
            url.fragment == nil
        else {
            throw CommandFailure(
                message:
                    "--public-url / GLOCAL_PUBLIC_URL '\(text)' is not an http(s) URL with a host (like https://glocal.example.com)"
            )
        }
        return url
    }

    /// The sandbox to connect through: `--oauth-sandbox`, else `fallback` (`run --sandbox` or the demo's).
    func sandbox(fallback: URL?) throws -> URL? {
        guard let text = oauthSandbox else { return fallback }
        guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw CommandFailure(message: "--oauth-sandbox '\(text)' is not an http(s) URL")
        }
        return url
    }

    /// The connector: the sandbox's apps, or the apps named by the variables `appVariables` gives for a network (the
    /// service configuration's `client_id_env` / `client_secret_env`), else by `GLOCAL_<NETWORK>_CLIENT_ID` / `_CLIENT_SECRET`.
    func connector(
        sandbox: URL?, appVariables: [String: (id: String, secret: String)] = [:],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (OAuthConnector, BlueskyAppPasswordLogin) {
        let transport = URLSessionTransport(timeout: 30)
        let apps = OAuthApp.fromEnvironment(
            environment, networks: OAuthProvider.table.keys.sorted(), configured: appVariables)
        let connector = OAuthConnector(apps: apps, transport: transport, sandbox: sandbox, appVariables: appVariables)
        let bluesky =
            sandbox.map { BlueskyAppPasswordLogin.sandbox($0, transport: transport) }
            ?? BlueskyAppPasswordLogin(transport: transport)
        return (connector, bluesky)
    }

    /// The web UI's connect routes over `store`'s sealed credentials, or `nil` (with a warning) when the secret key
    /// cannot be read; the apps as ``connector(sandbox:appVariables:environment:)`` reads them.
    func routes(
        access: WorkspaceAccess, store: any WorkspaceStore, sandbox: URL?,
        appVariables: [String: (id: String, secret: String)] = [:]
    ) -> ConnectRoutes? {
        do {
            let secrets = try access.secrets(in: store)
            let (connector, bluesky) = connector(sandbox: try self.sandbox(fallback: sandbox), appVariables: appVariables)
            return ConnectRoutes(connector: connector, bluesky: bluesky, secrets: secrets)
        } catch {
            UnbufferedOutput.say("glocal: warning: connecting accounts from the web UI is off: \(error)")
            return nil
        }
    }
}
