import PostgresNIO

/// How a connection over TCP uses TLS: libpq's `sslmode` (`?sslmode=` in the URL), with libpq's default, `prefer`. A
/// Unix socket never travels the network, and libpq ignores `sslmode` there: so does glocal.
public enum PostgresSSLMode: String, Sendable, Equatable, CaseIterable {
    /// No TLS.
    case disable
    /// TLS when the server offers it, without checking its certificate; else none (libpq's default).
    case prefer
    /// TLS or no connection, the certificate not checked (checked as `verify-ca` when `sslrootcert` names the
    /// authority, as libpq does).
    case require
    /// TLS with a certificate signed by a trusted authority, whatever name it gives.
    case verifyCA = "verify-ca"
    /// TLS with a certificate signed by a trusted authority for the host the URL names: the one mode that stops a
    /// machine in the middle.
    case verifyFull = "verify-full"

    /// The modes, as `?sslmode=` takes them.
    public static let names = allCases.map(\.rawValue).joined(separator: ", ")

    /// Whether a connection in this mode fails rather than go without TLS.
    public var requiresTLS: Bool { self != .disable && self != .prefer }

    /// The client's TLS settings: the authority's certificates from `rootCertificate` (a PEM file), else the system's
    /// (also with `sslrootcert=system`).
    func tls(rootCertificate: String?) throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let rootCertificate, rootCertificate != "system" { configuration.trustRoots = .file(rootCertificate) }
        switch self {
        case .disable: return .disable
        case .prefer:
            configuration.certificateVerification = .none
            return .prefer(try NIOSSLContext(configuration: configuration))
        case .require:
            configuration.certificateVerification = rootCertificate == nil ? .none : .noHostnameVerification
            return .require(try NIOSSLContext(configuration: configuration))
        case .verifyCA:
            configuration.certificateVerification = .noHostnameVerification
            return .require(try NIOSSLContext(configuration: configuration))
        case .verifyFull:
            configuration.certificateVerification = .fullVerification
            return .require(try NIOSSLContext(configuration: configuration))
        }
    }
}
