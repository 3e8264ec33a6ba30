/// What glocal-service.yaml says, as read (positions kept for diagnostics); not yet checked.
public struct ServiceConfigurationFile: Sendable, Equatable {
    /// The file's path as diagnostics print it.
    public var path: String
    /// Scalar settings by dotted key (`listen.port`).
    public var values: [String: Located<String>]
    /// Per-network app credentials: the network's name as written, and its keys (`client_id_env`, …).
    public var networks: [NetworkEntry]

    /// One entry of `networks:`.
    public struct NetworkEntry: Sendable, Equatable {
        /// The network's name as written.
        public var name: Located<String>
        /// `client_id_env` and `client_secret_env`, as written.
        public var values: [String: Located<String>]

        /// Creates an entry.
        public init(name: Located<String>, values: [String: Located<String>]) {
            self.name = name
            self.values = values
        }
    }

    /// Creates the file's contents.
    public init(path: String, values: [String: Located<String>] = [:], networks: [NetworkEntry] = []) {
        self.path = path
        self.values = values
        self.networks = networks
    }
}
