import Foundation

/// Why the web UI could not listen on its address, said as what, where and what to do (docs/operations.md,
/// "Configuration"), where the system's own words (`bind(descriptor:ptr:bytes:): Address already in use) (errno: 98)`)
/// named neither the setting nor the fix. Pure: the executable maps the server's error to a kind.
public enum ListenFailure: Sendable, Equatable {
    /// The host name does not resolve on this machine.
    case unknownHost
    /// Another process listens on the port (`EADDRINUSE`).
    case portInUse
    /// The address is not one of this machine's (`EADDRNOTAVAIL`).
    case addressNotHere
    /// The port needs a privilege the process does not have (`EACCES`).
    case permissionDenied

    /// The kind a failed `bind` with the system error number `errno` means, if it is one of these.
    public init?(errno: Int32) {
        switch errno {
        case EADDRINUSE: self = .portInUse
        case EADDRNOTAVAIL: self = .addressNotHere
        case EACCES: self = .permissionDenied
        default: return nil
        }
    }

    /// The message for listening on `host`:`port`.
    public func message(host: String, port: Int) -> String {
        let address = "cannot listen on \(host):\(port)"
        switch self {
        case .unknownHost:
            return "\(address): the host name '\(host)' does not resolve on this machine: give an IP address"
                + " (listen.host, --host or GLOCAL_HOST), such as 127.0.0.1, or 0.0.0.0 for every address"
        case .portInUse:
            return "\(address): another process listens on port \(port) (another glocal serve or run?): stop it, or"
                + " choose another port (listen.port, --port or GLOCAL_PORT; 0 picks a free one)"
        case .addressNotHere:
            return "\(address): \(host) is not an address of this machine: give one of its own"
                + " (listen.host, --host or GLOCAL_HOST), such as 127.0.0.1, or 0.0.0.0 for every address"
        case .permissionDenied:
            return "\(address): permission denied (a port below 1024 needs root or CAP_NET_BIND_SERVICE): choose a"
                + " port from 1024 on (listen.port, --port or GLOCAL_PORT)"
        }
    }
}
