/// A network's app credentials, by the *names* of the environment variables that hold them.
public struct NetworkAppCredentials: Sendable, Equatable {
    /// The network.
    public var network: Network
    /// The variable holding the app's client id.
    public var clientIDEnvironment: String
    /// The variable holding the app's client secret.
    public var clientSecretEnvironment: String
    /// Where the entry is in the file.
    public var location: SourceLocation

    /// Creates the credentials' names.
    public init(network: Network, clientIDEnvironment: String, clientSecretEnvironment: String, location: SourceLocation) {
        self.network = network
        self.clientIDEnvironment = clientIDEnvironment
        self.clientSecretEnvironment = clientSecretEnvironment
        self.location = location
    }
}
