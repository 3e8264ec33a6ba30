import Foundation
import GlocalCore
import GlocalPostgres

/// Which store a command opens, and where it was named: the one place these rules are, for every command, `serve`,
/// `run` and `glocal config check`.
///
/// The store is `--database`, else `GLOCAL_DATABASE_URL` when it is a PostgreSQL URL, else the configured store
/// (`GLOCAL_DATABASE`, or for `serve` and `run` the configuration's `database`, which `GLOCAL_DATABASE` overrides),
/// else `.glocal/glocal.sqlite` in the workspace. A name written as a URL of another kind (`mysql://…`,
/// `jdbc:postgresql://…`) is refused wherever it is given, never taken for a SQLite file whose name would hold its
/// password; the PostgreSQL URL chosen must be one glocal reads (`PostgresLocation`). `GLOCAL_DATABASE_URL` holding a
/// plain path is refused too, saying what it takes.
public struct StoreSelection: Sendable, Equatable {
    /// A store as it was named: its text and where it was given.
    public struct Named: Sendable, Equatable {
        /// The path or URL as given (it may hold a password: show it through ``shown``).
        public var text: String
        /// The flag, variable or place in the configuration file that gave it.
        public var source: ServiceSettingSource

        /// Creates a name.
        public init(_ text: String, from source: ServiceSettingSource) {
            self.text = text
            self.source = source
        }

        /// The text with a URL's password replaced by `***`.
        public var shown: String { PostgresLocation.shown(text) }
    }

    /// The store chosen.
    public struct Choice: Sendable, Equatable {
        /// The name chosen; `nil` for the workspace's `.glocal/glocal.sqlite`.
        public var named: Named?
        /// The PostgreSQL store, when the name is a `postgres://` URL.
        public var postgres: PostgresLocation?
    }

    /// A store name that cannot be used: where it was given, and why (the password never shown).
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// The flag, variable or place in the file that gave the name.
        public var source: ServiceSettingSource
        /// Why, with the name's password replaced by `***`.
        public var reason: String

        /// `--database: …`, `GLOCAL_DATABASE_URL: …` or `database (FILE:LINE:COLUMN): …`.
        public var description: String {
            switch source {
            case .flag(let name), .environment(let name): return "\(name): \(reason)"
            case .file(let location): return "database (\(location.file):\(location.line):\(location.column)): \(reason)"
            case .builtIn: return reason
            }
        }
    }

    /// `--database`, if given.
    public var flag: String?
    /// `GLOCAL_DATABASE_URL`, if set.
    public var environmentURL: String?
    /// `GLOCAL_DATABASE`, or the configuration's `database`, if either names a store.
    public var configured: Named?

    /// The selection of a command: `database` from `--database`, the rest from `environment`.
    public init(database: String?, environment: [String: String]) {
        flag = database
        environmentURL = environment["GLOCAL_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        configured = environment["GLOCAL_DATABASE"].flatMap {
            $0.isEmpty ? nil : Named($0, from: .environment("GLOCAL_DATABASE"))
        }
    }

    /// The selection of `serve`, `run` and `glocal config check`: the configuration's `database` as resolved (from
    /// `--database`, `GLOCAL_DATABASE` or the file), the rest from `environment`.
    public init(configured setting: ResolvedServiceSetting, environment: [String: String]) {
        self.init(database: nil, environment: environment)
        switch (setting.source, setting.value) {
        case (.flag, let value?): flag = value
        case (.environment, _), (_, nil), (.builtIn, _): break
        case (.file(let location), let value?): configured = Named(value, from: .file(location))
        }
    }

    /// Every name given, in order of precedence (`GLOCAL_DATABASE_URL` counts only as a PostgreSQL URL).
    public var given: [Named] {
        [
            flag.map { Named($0, from: .flag("--database")) },
            environmentURL.map { Named($0, from: .environment("GLOCAL_DATABASE_URL")) }, configured,
        ].compactMap { $0 }
    }

    /// The name `source` gave, if any.
    public func named(from source: ServiceSettingSource) -> Named? { given.first { $0.source == source } }

    /// The store these names choose, or why they cannot be used.
    public func choice() throws -> Choice {
        for named in given where PostgresLocation.looksLikeURL(named.text) && !PostgresLocation.isPostgresURL(named.text) {
            throw Refusal(
                source: named.source,
                reason:
                    "'\(named.shown)' is not a store glocal can open: give a postgres:// (or postgresql://) URL or a SQLite file path"
            )
        }
        // A path there is not taken for a SQLite store nor passed over in silence: the variable names PostgreSQL only.
        if let url = environmentURL, !PostgresLocation.looksLikeURL(url) {
            throw Refusal(
                source: .environment("GLOCAL_DATABASE_URL"),
                reason:
                    "'\(DiagnosticText.cut(url))' is not a URL: GLOCAL_DATABASE_URL takes a PostgreSQL URL, "
                    + "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE; name a SQLite file with --database or GLOCAL_DATABASE"
            )
        }
        let chosen: Named?
        if let flag {
            chosen = Named(flag, from: .flag("--database"))
        } else if let url = environmentURL, PostgresLocation.isPostgresURL(url) {
            chosen = Named(url, from: .environment("GLOCAL_DATABASE_URL"))
        } else {
            chosen = configured
        }
        guard let chosen, PostgresLocation.isPostgresURL(chosen.text) else { return Choice(named: chosen, postgres: nil) }
        do { return Choice(named: chosen, postgres: try PostgresLocation(url: chosen.text)) } catch {
            throw Refusal(source: chosen.source, reason: String(describing: error))
        }
    }
}
