import Foundation
import GlocalCore
import PostgresNIO

/// Where a PostgreSQL store lives, read from a `postgres://user:password@host:port/database` URL (or
/// `postgresql://`) as libpq reads it. A `host` query item naming a directory (`?host=/run/postgresql`) selects a
/// Unix socket. The password is kept for connecting but never shown: `description` leaves it out.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// The server's host name or address (empty with a socket).
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// The Unix socket's path, when connecting through one.
    public var socketPath: String?
    /// The role to connect as.
    public var username: String
    /// Its password, if any (never logged).
    public var password: String?
    /// The database's name.
    public var database: String
    /// The schema the store's tables live in (`search_path`); `nil` for the server's default.
    public var schema: String?
    /// How a TCP connection uses TLS (`?sslmode=`, default `prefer` as in libpq); a Unix socket never does.
    public var sslMode: PostgresSSLMode = .prefer
    /// The PEM file of the authorities that sign the server's certificate (`?sslrootcert=`); `nil` or `system`: the
    /// system's.
    public var rootCertificate: String?

    /// The query parameters a URL may give: glocal's `schema`, and libpq's that glocal honours.
    public static let parameters = ["schema", "host", "port", "sslmode", "sslrootcert"]

    /// Why a URL does not name a PostgreSQL store. Each message shows the URL with its password replaced by `***`
    /// and names the part at fault, never its text.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// Not a `postgres://` URL, or one without a database.
        case notAPostgresURL(String)
        /// A `postgres://` URL with a `part` (the password, the port, …) that cannot be read: `problem` says why.
        case malformed(String, part: String, problem: String)

        /// A one-line explanation (the password replaced by `***`).
        public var description: String {
            switch self {
            case .notAPostgresURL(let shown):
                return "'\(shown)' is not a PostgreSQL URL: expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"
            case .malformed(let shown, let part, let problem):
                return "'\(shown)' is not a valid PostgreSQL URL: its \(part) \(problem)"
            }
        }
    }

    /// Whether `text` names a PostgreSQL store rather than a SQLite file: `postgres://` or `postgresql://`, the
    /// scheme in any case (RFC 3986: schemes are case-insensitive), around spaces ignored.
    public static func isPostgresURL(_ text: String) -> Bool {
        let scheme = text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(13).lowercased()
        return scheme.hasPrefix("postgres://") || scheme.hasPrefix("postgresql://")
    }

    /// Whether `text` is written as a URL (`scheme://…`) rather than a file path: such a text that is not a
    /// PostgreSQL URL is refused, not taken for a SQLite file whose name would carry its password.
    public static func looksLikeURL(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let separator = trimmed.range(of: "://") else { return false }
        let scheme = trimmed[..<separator.lowerBound]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.:".contains($0) }
    }

    /// `text` with a URL's password replaced by `***`, for messages.
    public static func shown(_ text: String) -> String { redacted(text) }

    /// Reads a `postgres://` URL, each part percent-decoded once, as libpq reads it: `%25` in a password is `%`.
    /// The query may name `schema`, and `host`, `port`, `sslmode` and `sslrootcert` as libpq does
    /// (`?host=/run/postgresql`, a directory, selects a Unix socket); any other parameter is refused by its name, not
    /// silently ignored.
    public init(url text: String) throws {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = try PostgresURLParts(text)
        let shown = Self.redacted(text)
        var host = parts.host
        var port = parts.port ?? 5432
        var socketDirectory: String?
        var schema: String?
        for (name, value) in parts.parameters {
            switch name {
            case "schema": schema = value
            case "host" where value.hasPrefix("/"): socketDirectory = value
            case "host": (host, socketDirectory) = (value, nil)
            case "port": port = try PostgresURLParts.port(Substring(value), part: "value of ?port=", in: shown)
            case "sslmode":
                guard let mode = PostgresSSLMode(rawValue: value) else {
                    throw Failure.malformed(
                        shown, part: "value of ?sslmode=",
                        problem: "is not one glocal supports: \(PostgresSSLMode.names)")
                }
                sslMode = mode
            case "sslrootcert": rootCertificate = value
            default:
                throw Failure.malformed(
                    shown, part: "parameter ?\(name)=",
                    problem: "is not one glocal reads (it reads \(Self.parameters.joined(separator: ", ")))")
            }
        }
        guard !parts.database.isEmpty, socketDirectory != nil || !host.isEmpty else { throw Failure.notAPostgresURL(shown) }
        if schema?.isEmpty == true { throw Failure.malformed(shown, part: "value of ?schema=", problem: "is empty") }
        self.host = socketDirectory == nil ? host : ""
        self.port = port
        socketPath = socketDirectory.map { "\($0)/.s.PGSQL.\(port)" }
        username = parts.user ?? "postgres"
        password = parts.password
        database = parts.database
        self.schema = schema
    }

    /// The URL without its password, each part percent-encoded where it would otherwise end early.
    public var description: String {
        let place = socketPath ?? "\(host.contains(":") ? "[\(host)]" : host):\(port)"
        let user = Self.encoded(username, keeping: "!$'()*+,;=")
        return "postgres://\(user)@\(place)/\(Self.encoded(database, keeping: "!$'()*+,;=:"))" + query
    }

    /// The query of ``description``: the schema, and the TLS settings that are not libpq's default.
    private var query: String {
        var items: [String] = []
        if let schema { items.append("schema=" + Self.encoded(schema, keeping: "!$'()*+,;:/")) }
        if sslMode != .prefer { items.append("sslmode=" + sslMode.rawValue) }
        if let rootCertificate { items.append("sslrootcert=" + Self.encoded(rootCertificate, keeping: "!$'()*+,;:/")) }
        return items.isEmpty ? "" : "?" + items.joined(separator: "&")
    }

    /// The same location with its tables in `schema`.
    public func inSchema(_ schema: String) -> PostgresLocation {
        var copy = self
        copy.schema = schema
        return copy
    }

    /// The `LISTEN`/`NOTIFY` channel the store's queue wakes its nodes on. Notifications are
    /// per database, not per schema, so each schema gets a channel of its own: two stores sharing a
    /// database never wake each other's nodes.
    public var queueChannel: String {
        guard let schema else { return "glocal_queue" }
        let safe = String(schema.map { $0.isASCII && ($0.isLowercase || $0.isNumber) ? $0 : "_" })
        let channel = "glocal_queue_" + safe
        // A schema that had to be changed to fit (or that is longer than the 63 bytes PostgreSQL keeps
        // of an identifier) keeps a prefix and a digest of its exact name, so two schemas never share.
        guard safe != schema || channel.utf8.count > 63 else { return channel }
        let digest = SHA256Digest.digest(Array(schema.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
        return String(channel.prefix(46)) + "_" + digest
    }

    /// The client's configuration; a `sslrootcert` file that cannot be read throws.
    func configuration() throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let socketPath {
            configuration = .init(unixSocketPath: socketPath, username: username, password: password, database: database)
        } else {
            configuration = .init(
                host: host, port: port, username: username, password: password, database: database,
                tls: try sslMode.tls(rootCertificate: rootCertificate))
        }
        // Quoted as `CREATE SCHEMA` quotes it: PostgreSQL reads `search_path` as a list of identifiers and would fold
        // an unquoted `Mixed_Case` to `mixed_case` (and split a name holding a comma or a space).
        if let schema { configuration.options.additionalStartupParameters = [("search_path", Self.quoted(schema))] }
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }

    /// `name` as a quoted SQL identifier.
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// `text` with `%` and the ASCII characters not in RFC 3986's unreserved set nor in `keeping` percent-encoded, and
    /// control characters and spaces; other characters (`é`) as they are, for people to read.
    static func encoded(_ text: String, keeping: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let plain =
                scalar.isASCII
                ? (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._~".unicodeScalars.contains(scalar)
                    || keeping.unicodeScalars.contains(scalar))
                : !(scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
                    || scalar.properties.generalCategory == .format)
            if plain {
                result.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { result += String(format: "%%%02X", byte) }
            }
        }
        return result
    }

    /// `text` with the URL's password replaced by `***`, and the value of a `password` parameter (which glocal refuses
    /// there) too.
    static func redacted(_ text: String) -> String {
        URLPasswordMask.masked(text).replacing(/(?i)([?&]password=)[^&]*/) { $0.output.1 + "***" }
    }
}
