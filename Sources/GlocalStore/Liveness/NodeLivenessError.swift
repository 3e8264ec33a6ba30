/// Why a node's liveness could not be held or read.
public enum NodeLivenessError: Error, Equatable, CustomStringConvertible {
    /// A live node already holds this id's lock: two nodes with one id would take each other's posts for their own.
    case heldElsewhere(worker: String)
    /// The lock could not be taken or read (the file system or the server refused).
    case unavailable(worker: String, reason: String)

    /// The sentence shown to a person.
    public var description: String {
        switch self {
        case .heldElsewhere(let worker):
            return "another live node already runs as '\(worker)' on this store: give each node its own --node-id"
        case .unavailable(let worker, let reason):
            return "the liveness lock of node '\(worker)' is unavailable: \(reason)"
        }
    }
}
