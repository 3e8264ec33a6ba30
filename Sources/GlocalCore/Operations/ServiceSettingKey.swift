/// One setting of glocal's service configuration: its key in glocal-service.yaml, the flag and the
/// environment variable that override it, and its default.
public struct ServiceSettingKey: Sendable, Hashable {
    /// The dotted key in the file, such as `listen.port`.
    public let key: String
    /// The flag that overrides it, such as `--port`.
    public let flag: String?
    /// The environment variable that overrides it, such as `GLOCAL_PORT`.
    public let environment: String?
    /// The value when nothing gives one (`nil`: unset).
    public let defaultValue: String?
    /// Whether the value is the *name* of an environment variable holding a secret (its value is never printed).
    public let namesSecret: Bool

    init(_ key: String, flag: String? = nil, environment: String? = nil, defaultValue: String? = nil, namesSecret: Bool = false) {
        self.key = key
        self.flag = flag
        self.environment = environment
        self.defaultValue = defaultValue
        self.namesSecret = namesSecret
    }

    /// The address to listen on.
    public static let host = ServiceSettingKey(
        "listen.host", flag: "--host", environment: "GLOCAL_HOST", defaultValue: "127.0.0.1")
    /// The port (0: any free port).
    public static let port = ServiceSettingKey("listen.port", flag: "--port", environment: "GLOCAL_PORT", defaultValue: "8080")
    /// The public base URL (OAuth redirects, media URLs, links in e-mails); default: the listening address.
    public static let publicURL = ServiceSettingKey("public_url", flag: "--public-url", environment: "GLOCAL_PUBLIC_URL")
    /// The store (default: .glocal/glocal.sqlite in the workspace).
    public static let database = ServiceSettingKey("database", flag: "--database", environment: "GLOCAL_DATABASE")
    /// A file holding the secret key (base64 of 32 bytes).
    public static let secretKeyFile = ServiceSettingKey("secret_key.file")
    /// The name of an environment variable holding the secret key.
    public static let secretKeyEnvironment = ServiceSettingKey("secret_key.env", namesSecret: true)
    /// The SMTP server's host (`--smtp` and `GLOCAL_SMTP_URL` give it with the port, as ``smtpURL``).
    public static let smtpHost = ServiceSettingKey("smtp.host")
    /// The SMTP server's port.
    public static let smtpPort = ServiceSettingKey("smtp.port", defaultValue: "25")
    /// Whether an SMTP server that is not on this machine is allowed although glocal sends without TLS.
    public static let smtpInsecure = ServiceSettingKey(
        "smtp.insecure", flag: "--smtp-insecure", environment: "GLOCAL_SMTP_INSECURE", defaultValue: "false")
    /// The sender of digests and alerts.
    public static let smtpFrom = ServiceSettingKey("smtp.from", flag: "--mail-from", environment: "GLOCAL_MAIL_FROM")
    /// The SMTP user name.
    public static let smtpUser = ServiceSettingKey("smtp.user", environment: "GLOCAL_SMTP_USERNAME")
    /// The name of the environment variable holding the SMTP password.
    public static let smtpPasswordEnvironment = ServiceSettingKey("smtp.password_env", namesSecret: true)
    /// `text` or `json` (JSON lines).
    public static let logFormat = ServiceSettingKey(
        "log.format", flag: "--log-format", environment: "GLOCAL_LOG_FORMAT", defaultValue: "text")
    /// The lowest level logged.
    public static let logLevel = ServiceSettingKey(
        "log.level", flag: "--log-level", environment: "GLOCAL_LOG_LEVEL", defaultValue: "info")

    /// Every scalar setting, in the order `glocal config check` prints them.
    public static let all: [ServiceSettingKey] = [
        host, port, publicURL, database, secretKeyFile, secretKeyEnvironment, smtpHost, smtpPort, smtpInsecure, smtpFrom,
        smtpUser, smtpPasswordEnvironment, logFormat, logLevel,
    ]

    /// The SMTP server as one URL, `smtp://HOST[:PORT]`: the flag and the environment variable that give
    /// ``smtpHost`` and ``smtpPort`` together (over the file's), and the key its flag value is passed under.
    public static let smtpURL = (key: "smtp.url", flag: "--smtp", environment: "GLOCAL_SMTP_URL")

    /// The keys of a network's app credentials (`networks.x.client_id_env`), each naming an environment variable.
    public static let networkCredentialKeys = ["client_id_env", "client_secret_env"]
}
