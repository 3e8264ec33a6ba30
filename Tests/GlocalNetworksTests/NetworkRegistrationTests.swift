import Foundation
import GlocalCore
import GlocalNetworks
import Testing

/// Every network is registered where GlocalNetworks needs it: a client exactly for the native ones, a production
/// host for each native one (Mastodon: each account names its instance), a sandbox path for all.
struct NetworkRegistrationTests {
    static let environment = ClientEnvironment(
        transport: URLSessionTransport(timeout: 1), endpoints: .sandbox(baseURL: URL(string: "http://127.0.0.1:9")!))

    @Test(arguments: Network.allCases)
    func hasAClientExactlyWhenItIsNative(network: Network) {
        let client = NetworkClients.client(for: network, environment: Self.environment)
        #expect((client != nil) == (NetworkDelivery.of(network) == .native))
    }

    @Test(arguments: Network.allCases)
    func hasAProductionHostWhenItIsNative(network: Network) {
        let host = NetworkEndpoints.production.api[network]
        let expected = NetworkDelivery.of(network) == .native && network != .mastodon
        #expect((host != nil) == expected)
    }

    @Test(arguments: Network.allCases)
    func hasASandboxPath(network: Network) {
        #expect(NetworkEndpoints.sandbox(baseURL: URL(string: "http://s")!).api[network]?.lastPathComponent == network.rawValue)
    }
}
