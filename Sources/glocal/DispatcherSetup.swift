import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalStore

/// How the commands that talk to the networks (`dispatch`, `run`, `collect-metrics`, the demo)
/// build their clients and dispatcher: one place, so they all send the same way.
enum DispatcherSetup {
    /// The networks to talk to: the sandbox at `--sandbox URL`, or the real ones when `nil`.
    static func endpoints(sandbox text: String?) throws -> (endpoints: NetworkEndpoints, sandbox: URL?) {
        guard let text else { return (.production, nil) }
        guard let url = URL(string: text), url.scheme != nil, url.host != nil else {
            throw CommandFailure(message: "--sandbox '\(text)' is not a URL, e.g. http://127.0.0.1:8787")
        }
        return (.sandbox(baseURL: url), url)
    }

    /// A client per network on `endpoints`, on the same clock as the dispatcher, speaking `apiVersions`.
    static func clients(
        _ endpoints: NetworkEndpoints, clock: @escaping @Sendable () -> Date, timeout: TimeInterval = 30,
        apiVersions: APIVersionPins = .none
    ) -> [Network: any NetworkClient] {
        ClientSet.make(
            ClientEnvironment(
                transport: URLSessionTransport(timeout: timeout), endpoints: endpoints, clock: clock, apiVersions: apiVersions))
    }

    /// A dispatcher for the workspace at `root`: its accounts' handles and media files, `store`'s
    /// queue, the sealed `credentials`.
    static func dispatcher(
        configuration: DispatchConfiguration, workspace: Workspace, root: URL, store: SQLiteVariantStore,
        credentials: StoredCredentials, endpoints: NetworkEndpoints, mediaBaseURL: URL? = nil,
        clock: @escaping @Sendable () -> Date
    ) -> Dispatcher {
        Dispatcher(
            configuration: configuration, queue: store.publishQueue,
            clients: clients(endpoints, clock: clock, apiVersions: workspace.settings.apiVersions),
            credentials: credentials,
            posts: OutgoingPostFactory(
                accounts: workspace.accounts, root: root, mediaBaseURL: mediaBaseURL, campaigns: workspace.campaigns),
            clock: clock)
    }
}
