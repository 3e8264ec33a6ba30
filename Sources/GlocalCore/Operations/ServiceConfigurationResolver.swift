import Foundation

/// Decides the effective service configuration from flags, environment and the file, and checks it:
/// pure, so every rule is unit-tested.
///
/// Precedence: a flag wins over an environment variable, which wins over the file, which wins over the
/// default. Checks: ports in range, `public_url` an absolute http(s) URL without query, a known log format
/// and level, `secret_key` either a file or an env name (not both), the SMTP settings as ``SMTPEndpoint``
/// decides them (the server `serve` and `run` will use, a sender, the insecure opt-in for a server elsewhere),
/// known networks, and every environment variable the file names set and not empty.
public struct ServiceConfigurationResolver: Sendable {
    /// Flag values by setting key (`listen.port` → `9090`), for the flags given.
    public var flags: [String: String]
    /// The process environment.
    public var environment: [String: String]
    /// The file, if one was read.
    public var file: ServiceConfigurationFile?

    /// Creates a resolver.
    public init(flags: [String: String] = [:], environment: [String: String] = [:], file: ServiceConfigurationFile? = nil) {
        self.flags = flags
        self.environment = environment
        self.file = file
    }

    /// The effective configuration and its diagnostics.
    public func resolve() -> ServiceConfiguration {
        var diagnostics: [Diagnostic] = []
        var settings = ServiceSettingKey.all.map { resolve($0) }
        let urlProblem = resolveSMTPURL(into: &settings)
        for setting in settings { diagnostics += check(setting) }
        func lookup(_ key: ServiceSettingKey) -> ResolvedServiceSetting { settings.first { $0.key == key }! }
        if let urlProblem {
            diagnostics.append(error(.configValueInvalid, urlProblem.description, setting: lookup(.smtpHost)))
        }
        let keyFile = lookup(.secretKeyFile), keyEnvironment = lookup(.secretKeyEnvironment)
        if let file = keyFile.value, keyEnvironment.value != nil {
            diagnostics.append(
                error(
                    .configIncomplete, "secret_key takes either 'file' or 'env', not both", setting: keyFile,
                    notes: ["file: \(file)", "env: \(keyEnvironment.value ?? "")"]))
        }
        let passwordVariable = smtpPasswordVariable(lookup(.smtpPasswordEnvironment))
        var smtp: SMTPEndpoint?
        if urlProblem == nil, let host = lookup(.smtpHost).value, !host.isEmpty,
            let insecure = lookup(.smtpInsecure).value.flatMap(SMTPEndpoint.insecureFlag)
        {
            do {
                smtp = try SMTPEndpoint(
                    host: host, port: lookup(.smtpPort).value ?? "25", from: lookup(.smtpFrom).value, insecure: insecure,
                    username: lookup(.smtpUser).value,
                    hasPassword: passwordVariable != nil || lookup(.smtpPasswordEnvironment).value != nil)
            } catch {
                diagnostics += smtpDiagnostics(error, lookup: lookup)
            }
        }
        let (networks, networkDiagnostics) = resolveNetworks()
        diagnostics += networkDiagnostics
        let secretKey: SecretKeySource
        if let key = environment["GLOCAL_SECRET_KEY"], !key.isEmpty {
            secretKey = .keyInEnvironment
        } else if let name = keyEnvironment.value {
            secretKey = .environment(name)
        } else if let path = keyFile.value {
            secretKey = .file(path)
        } else {
            secretKey = .besideStore
        }
        var configuration = ServiceConfiguration(
            settings: settings, networks: networks, secretKey: secretKey, diagnostics: diagnostics)
        configuration.smtp = smtp
        configuration.smtpPasswordVariable = smtp?.username == nil ? nil : passwordVariable
        return configuration
    }

    /// `--smtp` or `GLOCAL_SMTP_URL`, when given, as `smtp.host` and `smtp.port` (over the file's, both from the URL's
    /// source); the problem of a URL that cannot be read (then `smtp.host` shows it, password masked).
    func resolveSMTPURL(into settings: inout [ResolvedServiceSetting]) -> SMTPEndpoint.Problem? {
        let given = ServiceSettingKey.smtpURL
        let source: ServiceSettingSource
        let text: String
        if let flag = flags[given.key] {
            (text, source) = (flag, .flag(given.flag))
        } else if let value = environment[given.environment], !value.isEmpty {
            (text, source) = (value, .environment(given.environment))
        } else {
            return nil
        }
        func set(_ key: ServiceSettingKey, _ value: String) {
            if let index = settings.firstIndex(where: { $0.key == key }) {
                settings[index] = ResolvedServiceSetting(key: key, value: value, source: source)
            }
        }
        do {
            let server = try SMTPEndpoint.server(url: text)
            set(.smtpHost, server.host)
            set(.smtpPort, String(server.port))
            return nil
        } catch {
            set(.smtpHost, URLPasswordMask.masked(text))
            return error
        }
    }

    /// The variable the SMTP password is read from: `GLOCAL_SMTP_PASSWORD` when set, else the one
    /// `smtp.password_env` names, when it is set.
    func smtpPasswordVariable(_ setting: ResolvedServiceSetting) -> String? {
        if let value = environment["GLOCAL_SMTP_PASSWORD"], !value.isEmpty { return "GLOCAL_SMTP_PASSWORD" }
        guard let name = setting.value, Self.isEnvironmentName(name), let value = environment[name], !value.isEmpty else {
            return nil
        }
        return name
    }

    /// An SMTP problem as a diagnostic at the setting at fault (a port out of range is `check`'s already).
    func smtpDiagnostics(_ problem: SMTPEndpoint.Problem, lookup: (ServiceSettingKey) -> ResolvedServiceSetting)
        -> [Diagnostic]
    {
        switch problem {
        case .port: return []
        case .notAURL, .scheme, .credentialsInURL, .notThisMachine:
            return [error(.configValueInvalid, problem.description, setting: lookup(.smtpHost))]
        case .noSender: return [error(.configIncomplete, problem.description, setting: lookup(.smtpHost))]
        case .senderNotAnAddress: return [error(.configValueInvalid, problem.description, setting: lookup(.smtpFrom))]
        case .halfCredentials:
            let user = lookup(.smtpUser)
            return [error(.configIncomplete, problem.description, setting: user.value == nil ? lookup(.smtpHost) : user)]
        }
    }

    /// One setting by precedence.
    func resolve(_ key: ServiceSettingKey) -> ResolvedServiceSetting {
        if let flag = key.flag, let value = flags[key.key] {
            return ResolvedServiceSetting(key: key, value: value, source: .flag(flag))
        }
        if let name = key.environment, let value = environment[name], !value.isEmpty {
            return ResolvedServiceSetting(key: key, value: value, source: .environment(name))
        }
        if let located = file?.values[key.key] {
            return ResolvedServiceSetting(key: key, value: located.value, source: .file(located.location))
        }
        return ResolvedServiceSetting(key: key, value: key.defaultValue, source: .builtIn)
    }

    /// The problems of one setting's value.
    func check(_ setting: ResolvedServiceSetting) -> [Diagnostic] {
        guard let value = setting.value else { return [] }
        switch setting.key {
        case .port:
            guard let port = Int(value), (0...65_535).contains(port) else {
                return [
                    error(
                        .configValueInvalid, "listen.port must be a whole number from 0 to 65535, not '\(value)'",
                        setting: setting)
                ]
            }
        case .smtpPort:
            guard let port = Int(value), (1...65_535).contains(port) else {
                return [
                    error(
                        .configValueInvalid, "smtp.port must be a whole number from 1 to 65535, not '\(value)'", setting: setting)
                ]
            }
        case .publicURL:
            if let problem = Self.publicURLProblem(value) {
                return [
                    error(
                        .configValueInvalid, "public_url '\(value)' \(problem)", setting: setting,
                        notes: ["for example https://glocal.example.com (OAuth redirects and media URLs start with it)"])
                ]
            }
        case .logFormat:
            guard LogFormat(rawValue: value) != nil else {
                return [
                    error(
                        .configValueInvalid, "log.format must be text or json, not '\(value)'", setting: setting,
                        notes: Suggestion.notes(for: value, in: LogFormat.allCases.map(\.rawValue)))
                ]
            }
        case .logLevel:
            guard LogLevel(rawValue: value) != nil else {
                let levels = LogLevel.allCases.map(\.rawValue)
                return [
                    error(
                        .configValueInvalid, "log.level '\(value)' is not a level", setting: setting,
                        notes: Suggestion.notes(for: value, in: levels) + ["levels: \(levels.joined(separator: ", "))"])
                ]
            }
        case .host:
            if value.isEmpty { return [error(.configValueInvalid, "\(setting.key.key) is empty", setting: setting)] }
            if !Self.isHostSyntax(value) {
                return [
                    error(
                        .configValueInvalid,
                        "\(setting.key.key) '\(DiagnosticText.cut(value))' is not a host name or an IP address",
                        setting: setting, notes: ["e.g. 127.0.0.1, ::1, 0.0.0.0 or glocal.internal"])
                ]
            }
        case .smtpInsecure:
            guard SMTPEndpoint.insecureFlag(value) != nil else {
                return [
                    error(.configValueInvalid, "smtp.insecure must be true or false, not '\(value)'", setting: setting)
                ]
            }
        case .database, .secretKeyFile, .smtpHost, .smtpFrom, .smtpUser:
            if value.isEmpty { return [error(.configValueInvalid, "\(setting.key.key) is empty", setting: setting)] }
        case .secretKeyEnvironment, .smtpPasswordEnvironment:
            return environmentProblems(name: value, for: setting.key.key, at: location(of: setting))
        default:
            break
        }
        return []
    }

    /// Whether `value` is written as a host to listen on: an IPv6 address (hex digits, `:` and `.`), or DNS labels
    /// of letters, digits and `-` (at most 63 each, 253 in all) — which covers IPv4. Whether the name resolves is
    /// only known when the server starts.
    static func isHostSyntax(_ value: String) -> Bool {
        let scalars = value.unicodeScalars
        guard !scalars.isEmpty, scalars.count <= 253, scalars.allSatisfy(\.isASCII) else { return false }
        if scalars.contains(":") {
            return scalars.allSatisfy { $0 == ":" || $0 == "." || $0.properties.isASCIIHexDigit }
        }
        return value.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.unicodeScalars.allSatisfy { $0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        }
    }

    /// What is wrong with `public_url`, if anything.
    static func publicURLProblem(_ value: String) -> String? {
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else { return "must be an absolute http:// or https:// URL" }
        if url.query != nil || url.fragment != nil { return "must not have a query or fragment" }
        return nil
    }

    /// Whether `name` is a valid environment variable name that is set (not empty).
    func environmentProblems(name: String, for key: String, at location: SourceLocation?) -> [Diagnostic] {
        guard Self.isEnvironmentName(name) else {
            return [
                Diagnostic(
                    .error, .configValueInvalid, "\(key) must name an environment variable (A-Z, 0-9, _)",
                    at: location,
                    notes: [
                        "the file holds the variable's name, never the secret itself; what it holds is not shown, "
                            + "as it may be the secret"
                    ])
            ]
        }
        guard let value = environment[name], !value.isEmpty else {
            return [
                Diagnostic(
                    .error, .configEnvironmentMissing, "\(key) names \(name), which is not set in the environment",
                    at: location, notes: ["set it in the service's EnvironmentFile (see deploy/glocal.service)"])
            ]
        }
        return []
    }

    /// Whether `name` can name an environment variable: `[A-Za-z_][A-Za-z0-9_]*`.
    public static func isEnvironmentName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return name.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        }
    }

    /// The networks' app credentials, checked.
    func resolveNetworks() -> ([NetworkAppCredentials], [Diagnostic]) {
        var credentials: [NetworkAppCredentials] = []
        var diagnostics: [Diagnostic] = []
        for entry in file?.networks ?? [] {
            guard let network = Network(rawValue: entry.name.value) else {
                diagnostics.append(
                    Diagnostic(
                        .error, .networkUnknown, "unknown network '\(entry.name.value)' in networks", at: entry.name.location,
                        notes: Suggestion.notes(for: entry.name.value, in: Network.allCases.map(\.rawValue))))
                continue
            }
            var names: [String: String] = [:]
            for key in ServiceSettingKey.networkCredentialKeys {
                guard let located = entry.values[key] else { continue }
                let problems = environmentProblems(
                    name: located.value, for: "networks.\(network.rawValue).\(key)", at: located.location)
                diagnostics += problems
                names[key] = located.value
            }
            if let id = names["client_id_env"], let secret = names["client_secret_env"] {
                credentials.append(
                    NetworkAppCredentials(
                        network: network, clientIDEnvironment: id, clientSecretEnvironment: secret, location: entry.name.location)
                )
            }
        }
        return (credentials, diagnostics)
    }

    private func location(of setting: ResolvedServiceSetting) -> SourceLocation? {
        if case .file(let location) = setting.source { return location }
        return nil
    }

    /// An error about `setting`: at its place in the file, or naming the flag or variable that gave it.
    private func error(_ rule: DiagnosticRule, _ message: String, setting: ResolvedServiceSetting, notes: [String] = [])
        -> Diagnostic
    {
        switch setting.source {
        case .file(let location): return Diagnostic(.error, rule, message, at: location, notes: notes)
        case .flag(let name), .environment(let name):
            return Diagnostic(.error, rule, "\(name): \(message)", at: nil, notes: notes)
        case .builtIn: return Diagnostic(.error, rule, message, at: nil, notes: notes)
        }
    }
}
