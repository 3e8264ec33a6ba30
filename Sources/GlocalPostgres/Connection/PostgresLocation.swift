import Foundation
import GlocalCore
import PostgresNIO

/// Where a PostgreSQL store lives, read from a `postgres://user:password@host:port/database` URL (or
/// `postgresql://`). A `host` query item naming a directory (`?host=/run/postgresql`) selects a Unix
/// socket. The password is kept for connecting but never shown: `description` leaves it out.
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

    /// Why a URL does not name a PostgreSQL store.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// Not a `postgres://` URL, or one without a database.
        case notAPostgresURL(String)

        /// A one-line explanation (the password replaced by `***`).
        public var description: String {
            switch self {
            case .notAPostgresURL(let shown):
                return "'\(shown)' is not a PostgreSQL URL: expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"
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

    /// Reads a `postgres://` URL.
    public init(url text: String) throws {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Self.isPostgresURL(text), let components = URLComponents(string: text) else {
            throw Failure.notAPostgresURL(Self.redacted(text))
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let items = components.queryItems ?? []
        let socketDirectory = items.first { $0.name == "host" }?.value
        guard !database.isEmpty, socketDirectory != nil || !(components.host ?? "").isEmpty else {
            throw Failure.notAPostgresURL(Self.redacted(text))
        }
        host = components.host ?? ""
        port = components.port ?? 5432
        socketPath = socketDirectory.map { "\($0)/.s.PGSQL.\(components.port ?? 5432)" }
        username = components.user?.removingPercentEncoding ?? "postgres"
        password = components.password?.removingPercentEncoding
        self.database = database
        schema = items.first { $0.name == "schema" }?.value
    }

    /// The URL without its password.
    public var description: String {
        let place = socketPath ?? "\(host):\(port)"
        return "postgres://\(username)@\(place)/\(database)" + (schema.map { "?schema=\($0)" } ?? "")
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

    /// The client's configuration.
    var configuration: PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let socketPath {
            configuration = .init(unixSocketPath: socketPath, username: username, password: password, database: database)
        } else {
            configuration = .init(
                host: host, port: port, username: username, password: password, database: database, tls: .disable)
        }
        if let schema { configuration.options.additionalStartupParameters = [("search_path", schema)] }
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }

    /// `name` as a quoted SQL identifier.
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// `text` with the URL's password replaced by `***`.
    static func redacted(_ text: String) -> String { URLPasswordMask.masked(text) }
}
