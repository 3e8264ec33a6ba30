import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalStore

/// How the commands that talk to the networks (`dispatch`, `run`, `collect-metrics`, the demo)
/// build their clients and dispatcher: one place, so they all send the same way.
public enum DispatcherSetup {
    /// A client per network on `endpoints`, on the same clock as the dispatcher, speaking `apiVersions`.
    public static func clients(
        _ endpoints: NetworkEndpoints, clock: @escaping @Sendable () -> Date, timeout: TimeInterval = 30,
        apiVersions: APIVersionPins = .none
    ) -> [Network: any NetworkClient] {
        ClientSet.make(
            ClientEnvironment(
                transport: URLSessionTransport(timeout: timeout), endpoints: endpoints, clock: clock, apiVersions: apiVersions))
    }

    /// A dispatcher for the workspace at `root`: its accounts' handles and media files, `store`'s
    /// queue, the sealed `credentials`; media URLs under `mediaBaseURL`, signed by `mediaSigner`.
    public static func dispatcher(
        configuration: DispatchConfiguration, workspace: Workspace, root: URL, store: any WorkspaceStore,
        credentials: StoredCredentials, endpoints: NetworkEndpoints, mediaBaseURL: URL? = nil,
        mediaSigner: MediaURLSigner? = nil, clock: @escaping @Sendable () -> Date,
        onAttempt: @escaping @Sendable (PublishAttempt) -> Void = { _ in }
    ) -> Dispatcher {
        dispatcher(
            configuration: configuration, workspace: workspace, root: root, queue: store.publishQueue,
            credentials: credentials, endpoints: endpoints, mediaBaseURL: mediaBaseURL, mediaSigner: mediaSigner,
            clock: clock, onAttempt: onAttempt)
    }

    /// A dispatcher for the workspace at `root` on any store's `queue` (SQLite or PostgreSQL); `onAttempt` hears of
    /// every attempt (the service log's line per attempt); media URLs under `mediaBaseURL`, signed by `mediaSigner`.
    public static func dispatcher(
        configuration: DispatchConfiguration, workspace: Workspace, root: URL, queue: any PublishJobQueue,
        credentials: StoredCredentials, endpoints: NetworkEndpoints, mediaBaseURL: URL? = nil,
        mediaSigner: MediaURLSigner? = nil, clock: @escaping @Sendable () -> Date,
        onAttempt: @escaping @Sendable (PublishAttempt) -> Void = { _ in }
    ) -> Dispatcher {
        Dispatcher(
            configuration: configuration, queue: queue,
            clients: clients(endpoints, clock: clock, apiVersions: workspace.settings.apiVersions),
            credentials: credentials,
            posts: OutgoingPostFactory(
                accounts: workspace.accounts, root: root, mediaBaseURL: mediaBaseURL, mediaSigner: mediaSigner, clock: clock,
                campaigns: workspace.campaigns),
            clock: clock, onAttempt: onAttempt)
    }
}
