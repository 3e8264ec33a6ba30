import GlocalCore
import GlocalUseCases
import Logging

/// Sends the web server's own log lines (an error page's reason, Hummingbird's warnings) to the service's log, so they
/// come out in its format (text, or one JSON object per line) like every other line. Of the metadata only the request
/// id is kept: nothing of a request's query, cookies or body.
public struct ServiceLogHandler: LogHandler {
    /// The log the lines go to.
    let serviceLog: ServiceLog
    /// This node's id, added to every line.
    let node: String?
    /// The lowest level passed on.
    public var logLevel: Logger.Level = .warning
    /// Metadata set on the logger.
    public var metadata: Logger.Metadata = [:]

    /// A logger for the web server writing to `log` from `warning` up.
    public static func logger(_ log: ServiceLog, node: String?) -> Logger {
        Logger(label: "glocal.serve") { _ in ServiceLogHandler(serviceLog: log, node: node) }
    }

    /// Metadata by key.
    public subscript(metadataKey key: String) -> Logger.MetadataValue? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line.
    public func log(event: LogEvent) {
        var fields: [(name: String, value: LogValue)] = []
        if let id = event.metadata?["hb.request.id"] ?? metadata["hb.request.id"] {
            fields.append(("request_id", .text("\(id)")))
        }
        if let node { fields.append(("node", .text(node))) }
        serviceLog.log(Self.level(event.level), LogRedaction.maskingURLPasswords(event.message.description), fields)
    }

    /// The service log's level of a swift-log level (the same names).
    static func level(_ level: Logger.Level) -> LogLevel {
        LogLevel(rawValue: level.rawValue) ?? .error
    }
}
