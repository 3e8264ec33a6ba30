import GlocalCore

extension ServiceLog {
    /// A round of a long-running loop that failed and will run again (`dispatch round failed, trying again`,
    /// `notification round failed`): one warning line with the error's one-line reason (a store failure keeps only
    /// its code and message, never SQL or arguments; a URL's password is masked) and the node it happened on.
    public func roundFailed(_ message: String, error: any Error, node: String?) {
        var fields: [(name: String, value: LogValue)] = [("error", .text(Self.reason(error)))]
        if let node { fields.append(("node", .text(node))) }
        log(.warning, message, fields)
    }

    /// A line another part of glocal wrote as text (`glocal: notification #3 (…) failed: …`), as one line of this log:
    /// the `glocal: ` prefix dropped, passwords in URLs masked, and the node added.
    public func relay(_ level: LogLevel, _ text: String, node: String?) {
        let message = text.hasPrefix("glocal: ") ? String(text.dropFirst("glocal: ".count)) : text
        log(level, LogRedaction.maskingURLPasswords(message), node.map { [("node", LogValue.text($0))] } ?? [])
    }

    /// The one-line reason of `error` for a log line.
    static func reason(_ error: any Error) -> String {
        LogRedaction.maskingURLPasswords(StoreFailure(error).description)
    }
}
