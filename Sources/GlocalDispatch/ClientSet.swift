import GlocalCore
import GlocalNetworks

/// The client of every network for one environment: the native one where glocal has it, else a
/// webhook client (every network has a native one today), which posts to the account's own endpoint or the sandbox's.
public enum ClientSet {
    /// A client per network.
    public static func make(_ environment: ClientEnvironment) -> [Network: any NetworkClient] {
        var clients: [Network: any NetworkClient] = [:]
        for network in Network.allCases {
            clients[network] =
                NetworkClients.client(for: network, environment: environment)
                ?? WebhookClient(network: network, environment: environment)
        }
        return clients
    }
}
