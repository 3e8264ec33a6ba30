import Foundation
import NIOCore
import NIOPosix
import PostgresNIO

/// Why a connection could not be opened, in words a person can act on: no server at the address, a host name
/// that does not resolve, a server that wants a password the URL does not give. The server's own refusals
/// (a wrong password, a database that does not exist) keep its message and SQLSTATE.
public enum PostgresConnectFailure {
    /// The error a failed connect to `place` (`HOST:PORT` or the socket's path) of `location` reports.
    static func translate(_ error: any Error, place: String, location: PostgresLocation) -> PostgresStoreError {
        guard let error = error as? PSQLError else {
            return PostgresStoreError(sqlState: "connection", message: "cannot connect to \(place): \(type(of: error))")
        }
        if error.serverInfo != nil { return PostgresFailure.translate(error) }
        return PostgresStoreError(
            sqlState: "connection",
            message: message(code: error.code, underlying: error.underlying, place: place, sslMode: location.sslMode))
    }

    /// The explanation of a connect failure of `code` caused by `underlying` (no server involved), in `sslMode`.
    public static func message(
        code: PSQLError.Code, underlying: (any Error)?, place: String, sslMode: PostgresSSLMode = .prefer
    ) -> String {
        switch code {
        case .authMechanismRequiresPassword:
            return "the server at \(place) asks for a password and the URL has none (postgres://USER:PASSWORD@HOST/DATABASE)"
        case .unsupportedAuthMechanism:
            return "the server at \(place) asks for an authentication method glocal does not support (use scram-sha-256 or md5)"
        case .sslUnsupported:
            return "the server at \(place) does not accept TLS, and sslmode=\(sslMode.rawValue) asks for it: turn ssl on in"
                + " the server, or reach it through an SSH tunnel or a Unix socket (?host=DIR) and use sslmode=disable"
        case .connectionError where underlying.map(isTLSFailure) == true:
            return "cannot connect to \(place) over TLS (sslmode=\(sslMode.rawValue)): " + reason(underlying!)
        case .serverClosedConnection where underlying == nil:
            return "cannot connect to \(place): the connection was closed before the server answered"
        default:
            return "cannot connect to \(place): " + (underlying.map(reason) ?? "\(code)")
        }
    }

    /// Whether `error` came from the TLS handshake.
    static func isTLSFailure(_ error: any Error) -> Bool { error is NIOSSLError || error is NIOSSLExtraError }

    /// The cause a socket, a name lookup or the TLS handshake gave, in one short phrase.
    static func reason(_ error: any Error) -> String {
        if let failure = error as? NIOSSLExtraError, failure == .failedToValidateHostname {
            return "the server's certificate is not for this host name or address (verify-full checks it: connect by a"
                + " name the certificate gives, or use sslmode=verify-ca)"
        }
        if let failure = error as? NIOSSLError, case .handshakeFailed(let cause) = failure {
            if String(describing: cause).contains("CERTIFICATE_VERIFY_FAILED") {
                return "the server's certificate is not signed by an authority glocal trusts (name the authority's"
                    + " certificate with ?sslrootcert=PATH)"
            }
            return "the TLS handshake failed: \(cause)"
        }
        if let failure = error as? NIOConnectionError {
            if failure.dnsAError != nil || failure.dnsAAAAError != nil { return "the host name \(failure.host) does not resolve" }
            if let first = failure.connectionErrors.first { return reason(first.error) }
            return "no address to connect to"
        }
        if let failure = error as? IOError { return failureText(errno: failure.errnoCode) }
        if let failure = error as? ChannelError, case .connectTimeout = failure {
            return "no answer within 5 s (a firewall, or the wrong host?)"
        }
        return String(describing: error)
    }

    /// A system error's usual wording, with what it most often means here.
    static func failureText(errno code: Int32) -> String {
        switch code {
        case ECONNREFUSED: return "connection refused (is PostgreSQL running, on this port?)"
        case ENOENT: return "no such socket (is PostgreSQL running, with this socket directory and port?)"
        case ETIMEDOUT: return "timed out"
        case EHOSTUNREACH, ENETUNREACH: return "no route to the host"
        case EACCES: return "permission denied"
        default: return String(cString: strerror(code))
        }
    }
}
