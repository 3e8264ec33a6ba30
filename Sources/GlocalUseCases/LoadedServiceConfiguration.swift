import Foundation
import GlocalCore
import GlocalPostgres

/// The effective service configuration with what is needed to report on it.
public struct LoadedServiceConfiguration: Sendable {
    /// The effective configuration and its diagnostics.
    public var configuration: ServiceConfiguration
    /// The file's text, for quoting diagnostics.
    public var sources: SourceFiles
    /// The file read, if any.
    public var path: String?

    /// The diagnostics as compiler-style text (empty when there are none).
    public var renderedDiagnostics: String {
        TextDiagnosticRenderer(sources: sources).renderDiagnostics(Diagnostic.sortedForOutput(configuration.diagnostics))
    }

    /// The variables the file names for each network's OAuth app (`networks.NAME.client_id_env` /
    /// `client_secret_env`), by network raw value; a network not in the file uses `GLOCAL_<NETWORK>_CLIENT_ID`.
    public var appCredentialVariables: [String: (id: String, secret: String)] {
        var names: [String: (id: String, secret: String)] = [:]
        for network in configuration.networks {
            names[network.network.rawValue] = (network.clientIDEnvironment, network.clientSecretEnvironment)
        }
        return names
    }

    /// The environment the workspace and store are opened with: the process's, with `GLOCAL_SECRET_KEY`
    /// set from the file's `secret_key` (its env variable or its file) unless the process sets it itself.
    public func storeEnvironment(currentDirectory: URL) throws -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        return try storeEnvironment(base: &environment, currentDirectory: currentDirectory)
    }

    /// `base` with `GLOCAL_SECRET_KEY` set as ``storeEnvironment(currentDirectory:)`` says.
    public func storeEnvironment(base: inout [String: String], currentDirectory: URL) throws -> [String: String] {
        switch configuration.secretKey {
        case .keyInEnvironment, .besideStore:
            break
        case .environment(let name):
            base["GLOCAL_SECRET_KEY"] = base[name]
        case .file(let path):
            let url = ServiceConfigurationLoader.resolve(path, in: currentDirectory)
            let found = Self.observeKeyFile(url)
            if let problem = SecretKeyCheck.problem(at: .configuredFile(path), found: found) {
                throw ServiceConfigurationError(message: problem.description)
            }
            if case .text(let text, _) = found {
                base["GLOCAL_SECRET_KEY"] = text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        return base
    }

    /// The error `serve`, `run` and `glocal config check` report for a secret key that cannot be used where it is read
    /// from (``SecretKeyCheck``): `GLOCAL_SECRET_KEY`, the variable `secret_key.env` names, `secret_key.file`, or the
    /// default key file of the store and workspace (`workspacePath`, else the one around `currentDirectory`), as
    /// `WorkspaceAccess.secretKey()` reads it. `nil` when it can be used, or when the store or workspace cannot be
    /// found (reported on their own).
    public func secretKeyDiagnostic(environment: [String: String], currentDirectory: URL, workspacePath: String?)
        -> Diagnostic?
    {
        let place: SecretKeyCheck.Place
        let found: SecretKeyCheck.Found
        var location: SourceLocation?
        switch configuration.secretKey {
        case .keyInEnvironment:
            place = .variable("GLOCAL_SECRET_KEY")
            found = .text(environment["GLOCAL_SECRET_KEY"] ?? "", mode: nil)
        case .environment(let name):
            guard ServiceConfigurationResolver.isEnvironmentName(name), let value = environment[name], !value.isEmpty else {
                return nil  // reported as the setting's own problem
            }
            place = .variable(name)
            found = .text(value, mode: nil)
            location = Self.location(of: configuration.setting(.secretKeyEnvironment))
        case .file(let path):
            guard !path.isEmpty else { return nil }
            place = .configuredFile(path)
            found = Self.observeKeyFile(ServiceConfigurationLoader.resolve(path, in: currentDirectory))
            location = Self.location(of: configuration.setting(.secretKeyFile))
        case .besideStore:
            guard
                let access = try? WorkspaceAccess(
                    workspacePath: workspacePath, store: storeSelection(environment: environment),
                    currentDirectory: currentDirectory, environment: environment)
            else { return nil }
            let file =
                PostgresLocation.isPostgresURL(access.databasePath)
                ? access.root.appendingPathComponent(".glocal/secret.key")
                : URL(fileURLWithPath: access.databasePath).deletingLastPathComponent().appendingPathComponent("secret.key")
            place = .defaultFile(file.path)
            found = Self.observeKeyFile(file)
        }
        guard let problem = SecretKeyCheck.problem(at: place, found: found) else { return nil }
        return Diagnostic(.error, .configValueInvalid, problem.description, at: location)
    }

    private static func location(of setting: ResolvedServiceSetting) -> SourceLocation? {
        if case .file(let location) = setting.source { return location }
        return nil
    }

    /// What is at `url`, for ``SecretKeyCheck``: its text and mode, no file, something else, or why it cannot be read.
    static func observeKeyFile(_ url: URL) -> SecretKeyCheck.Found {
        guard let kind = WorkspaceContainment.kind(at: url.path) else { return .noFile }
        guard kind == .regularFile else { return .notAFile(kind.rawValue) }
        let mode = (try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue
        do { return .text(try String(contentsOf: url, encoding: .utf8), mode: mode) } catch {
            return .unreadable(
                FileManager.default.isReadableFile(atPath: url.path)
                    ? "it is not UTF-8 text" : "permission denied (it must be readable by the service's user)")
        }
    }

    /// The store `serve` and `run` open, chosen from `--database`, the environment and the file by the rules every
    /// command follows.
    public func storeSelection(environment: [String: String]) -> StoreSelection {
        StoreSelection(configured: configuration.setting(.database), environment: environment)
    }

    /// The error `serve`, `run` and `glocal config check` report for a store name that cannot be used: at its place in
    /// the file, or naming its flag or variable; `nil` when the store can be opened.
    public func storeDiagnostic(environment: [String: String]) -> Diagnostic? {
        let selection = storeSelection(environment: environment)
        do { _ = try selection.choice() } catch let refusal as StoreSelection.Refusal {
            switch refusal.source {
            case .file(let location):
                return Diagnostic(.error, .configValueInvalid, "database \(refusal.reason)", at: location)
            case .flag, .environment, .builtIn:
                return Diagnostic(.error, .configValueInvalid, refusal.description, at: nil)
            }
        } catch {}
        return nil
    }

    /// The check's `database` row: the store chosen and where it was named (a refused one as given, password masked).
    private func storeRow(environment: [String: String]) -> (value: String, source: String) {
        do {
            let choice = try storeSelection(environment: environment).choice()
            guard let named = choice.named else { return ("(.glocal/glocal.sqlite in the workspace)", "default") }
            return (choice.postgres?.description ?? named.shown, named.source.label)
        } catch let refusal as StoreSelection.Refusal {
            let named = storeSelection(environment: environment).named(from: refusal.source)
            return ("\(named?.shown ?? "?") (refused: see below)", refusal.source.label)
        } catch {
            return ("(unknown)", "")
        }
    }

    /// Where the secret key is read from when no setting names it: beside a SQLite store, in the workspace for a
    /// PostgreSQL store (`WorkspaceAccess.secretKey()`), made on first use.
    private func keyFileRow(environment: [String: String]) -> String {
        guard let choice = try? storeSelection(environment: environment).choice() else {
            return "secret.key beside a SQLite store, .glocal/secret.key in the workspace for PostgreSQL"
        }
        if choice.postgres != nil { return ".glocal/secret.key in the workspace (PostgreSQL: every node needs the same key)" }
        guard let named = choice.named else { return ".glocal/secret.key in the workspace (beside the store)" }
        let directory = URL(fileURLWithPath: named.text).deletingLastPathComponent().path
        return "secret.key beside the store (\(directory == "/" ? "" : directory)/secret.key)"
    }

    /// `glocal config check`'s table: every setting with its effective value and source, secrets masked
    /// (settings that name a secret's variable show the name and whether it is set, never the value).
    public func checkText(environment: [String: String]) -> String {
        var rows: [(String, String, String)] = []
        for setting in configuration.settings {
            var value = setting.value ?? "(unset)"
            if setting.key.namesSecret, let name = setting.value {
                value =
                    ServiceConfigurationResolver.isEnvironmentName(name)
                    ? "\(name) (\(environment[name].map { $0.isEmpty ? "empty" : "set, value hidden" } ?? "not set"))"
                    : "(not a variable name; not shown, as it may be the secret itself)"
            }
            if setting.key == .publicURL, setting.value == nil {
                value = "(the listening address: http://\(configuration.host):\(configuration.port))"
            }
            var source = setting.source.label
            if setting.key == .database { (value, source) = storeRow(environment: environment) }
            rows.append((setting.key.key, value, source))
        }
        let keySource: String
        switch configuration.secretKey {
        case .keyInEnvironment: keySource = "GLOCAL_SECRET_KEY (set, value hidden)"
        case .environment(let name):
            keySource =
                ServiceConfigurationResolver.isEnvironmentName(name)
                ? "env \(name)" : "env (not a variable name; not shown, as it may be the secret itself)"
        case .file(let path): keySource = "file \(path)"
        case .besideStore: keySource = keyFileRow(environment: environment)
        }
        rows.append(("secret key from", keySource, ""))
        for network in configuration.networks {
            for (key, name) in [
                ("client_id_env", network.clientIDEnvironment), ("client_secret_env", network.clientSecretEnvironment),
            ] {
                let state = environment[name].map { $0.isEmpty ? "empty" : "set, value hidden" } ?? "not set"
                let shown =
                    ServiceConfigurationResolver.isEnvironmentName(name)
                    ? "\(name) (\(state))" : "(not a variable name; not shown, as it may be the secret itself)"
                rows.append(
                    (
                        "networks.\(network.network.rawValue).\(key)", shown,
                        "file \(network.location.file):\(network.location.line):\(network.location.column)"
                    ))
            }
        }
        let keyWidth = rows.map(\.0.count).max() ?? 0
        let valueWidth = min(60, rows.map(\.1.count).max() ?? 0)
        let header = "configuration: \(path ?? "no file (flags, environment and defaults)")\n"
        return header
            + rows.map { row in
                let key = row.0.padding(toLength: keyWidth, withPad: " ", startingAt: 0)
                let value = row.1.count < valueWidth ? row.1.padding(toLength: valueWidth, withPad: " ", startingAt: 0) : row.1
                return row.2.isEmpty ? "  \(key)  \(row.1)" : "  \(key)  \(value)  (\(row.2))"
            }.joined(separator: "\n") + "\n"
    }
}
