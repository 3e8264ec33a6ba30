import Foundation

/// The effective service configuration: every setting's value and source after precedence
/// (flag > env > file > default), the networks' app credentials, and what is wrong with them.
public struct ServiceConfiguration: Sendable, Equatable {
    /// Every scalar setting, in ``ServiceSettingKey/all``'s order.
    public var settings: [ResolvedServiceSetting]
    /// Per-network app credentials (names of environment variables).
    public var networks: [NetworkAppCredentials]
    /// Where the secret key comes from.
    public var secretKey: SecretKeySource
    /// The problems found; the service does not start when one is an error.
    public var diagnostics: [Diagnostic]
    /// The SMTP server, sender and user e-mail goes through, when one is configured and usable.
    public var smtp: SMTPEndpoint?
    /// The environment variable the SMTP password is read from, when ``smtp`` names a user.
    public var smtpPasswordVariable: String?

    /// Creates a configuration.
    public init(
        settings: [ResolvedServiceSetting], networks: [NetworkAppCredentials], secretKey: SecretKeySource,
        diagnostics: [Diagnostic]
    ) {
        self.settings = settings
        self.networks = networks
        self.secretKey = secretKey
        self.diagnostics = diagnostics
    }

    /// Whether the service may start with it (no error).
    public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }

    /// The resolved `key`.
    public func setting(_ key: ServiceSettingKey) -> ResolvedServiceSetting {
        settings.first { $0.key == key } ?? ResolvedServiceSetting(key: key, value: key.defaultValue, source: .builtIn)
    }

    /// The value of `key`, if set.
    public func value(_ key: ServiceSettingKey) -> String? { setting(key).value }

    /// The address to listen on.
    public var host: String { value(.host) ?? "127.0.0.1" }
    /// The port.
    public var port: Int { value(.port).flatMap(Int.init) ?? 8080 }
    /// The public base URL, if one is set.
    public var publicURL: URL? { value(.publicURL).flatMap(URL.init(string:)) }
    /// The store's path, if one is set (else the workspace's default).
    public var database: String? { value(.database) }
    /// The log format.
    public var logFormat: LogFormat { value(.logFormat).flatMap(LogFormat.init(rawValue:)) ?? .text }
    /// The lowest level logged.
    public var logLevel: LogLevel { value(.logLevel).flatMap(LogLevel.init(rawValue:)) ?? .info }
}
