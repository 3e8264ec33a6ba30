import Foundation
import GlocalCore
import GlocalNetworks
import GlocalUseCases
import Testing

@testable import glocal

/// The service configuration's `networks.NAME.client_id_env` / `client_secret_env` name the variables the OAuth
/// connector reads (`serve`, `run`, `account connect --browser`); `GLOCAL_<NETWORK>_CLIENT_ID` stays the default.
struct ConfiguredAppCredentialsTests {
    static let serviceFile = """
        networks:
          x: {client_id_env: MY_X_ID, client_secret_env: MY_X_SECRET}
        """

    static let environment = [
        "MY_X_ID": "configured-x-id", "MY_X_SECRET": "configured-x-secret-value",
        "GLOCAL_X_CLIENT_ID": "default-x-id", "GLOCAL_X_CLIENT_SECRET": "default-x-secret",
        "GLOCAL_LINKEDIN_CLIENT_ID": "linkedin-id", "GLOCAL_LINKEDIN_CLIENT_SECRET": "linkedin-secret",
    ]

    @Test func theConfigurationsVariablesWinAndOtherNetworksKeepTheDefault() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-apps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(Self.serviceFile.utf8).write(to: directory.appendingPathComponent("glocal-service.yaml"))
        let loaded = try ServiceConfigurationLoader(
            explicitPath: nil, currentDirectory: directory, flags: [:], environment: Self.environment
        ).load()
        #expect(loaded.configuration.isValid, "\(loaded.renderedDiagnostics)")
        let (connector, _) = ConnectOptions().connector(
            sandbox: nil, appVariables: loaded.appCredentialVariables, environment: Self.environment)
        #expect(connector.apps["x"] == OAuthApp(clientID: "configured-x-id", clientSecret: "configured-x-secret-value"))
        #expect(connector.apps["linkedin"] == OAuthApp(clientID: "linkedin-id", clientSecret: "linkedin-secret"))

        let (defaults, _) = ConnectOptions().connector(sandbox: nil, environment: Self.environment)
        #expect(defaults.apps["x"] == OAuthApp(clientID: "default-x-id", clientSecret: "default-x-secret"))
    }

    @Test func aMissingAppNamesTheVariablesTheConfigurationNames() async throws {
        let variables = ["x": (id: "MY_X_ID", secret: "MY_X_SECRET")]
        let (connector, _) = ConnectOptions().connector(sandbox: nil, appVariables: variables, environment: [:])
        let here = SourceLocation(file: "accounts.yaml", line: 1, column: 1)
        let begin = { (network: Network) in
            let account = Account(
                id: Located("lumiere-fr-\(network.rawValue)", at: here), network: network, networkLocation: here,
                handle: "@lumiere", locale: Located("fr-FR", at: here))
            return await connector.begin(
                account: account, sessionKey: "s", actor: "cli", publicBaseURL: URL(string: "https://glocal.example")!,
                now: Date())
        }
        guard case .failure(let configured) = await begin(.x), case .failure(let defaults) = await begin(.linkedin) else {
            Issue.record("a sign-in started without an app")
            return
        }
        #expect(configured == .noAppCredentials(network: "x", variables: ["MY_X_ID", "MY_X_SECRET"]))
        #expect(configured.description == "no x app is configured: set MY_X_ID and MY_X_SECRET")
        #expect(
            defaults
                == .noAppCredentials(
                    network: "linkedin", variables: ["GLOCAL_LINKEDIN_CLIENT_ID", "GLOCAL_LINKEDIN_CLIENT_SECRET"]))
    }

    @Test func configCheckNamesTheVariablesAndNeverPrintsTheSecret() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try Data(Self.serviceFile.utf8).write(to: workspace.root.appendingPathComponent("glocal-service.yaml"))
        let (status, output, error) = try OperationsCommandTests.glocal(
            ["config", "check"], in: workspace.root, environment: Self.environment)
        #expect(status == 0, "\(output)\(error)")
        #expect(output.contains("MY_X_SECRET (set, value hidden)"))
        #expect(output.contains("MY_X_ID (set, value hidden)"))
        for value in Self.environment.values { #expect(!output.contains(value) && !error.contains(value)) }
    }
}
