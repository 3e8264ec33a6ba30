import GlocalCore
import Yams

/// Reads glocal-service.yaml into a ``ServiceConfigurationFile``, reporting like the workspace's files
/// (file:line:col, rule id, caret): YAML syntax, unknown keys (with *did you mean*), wrong types.
///
/// ```yaml
/// listen: {host: 0.0.0.0, port: 8080}
/// public_url: https://glocal.example.com
/// database: /var/lib/glocal/glocal.sqlite
/// secret_key: {env: GLOCAL_KEY}          # or {file: /etc/glocal/secret.key}; never the key itself
/// smtp: {host: mail.example.com, port: 587, from: glocal@example.com, user: glocal, password_env: SMTP_PASSWORD}
/// log: {format: json, level: info}
/// networks:
///   x: {client_id_env: X_CLIENT_ID, client_secret_env: X_CLIENT_SECRET}
/// ```
public enum ServiceConfigurationDecoder {
    /// The top-level keys.
    static let topKeys = ["listen", "public_url", "database", "secret_key", "smtp", "log", "networks"]
    /// The keys of each nested mapping.
    static let nestedKeys: [String: [String]] = [
        "listen": ["host", "port"], "secret_key": ["file", "env"],
        "smtp": ["host", "port", "insecure", "from", "user", "password_env"], "log": ["format", "level"],
    ]

    /// The file's settings (`nil` when it is not a readable mapping) and its diagnostics.
    public static func decode(_ text: String, path: String) -> (file: ServiceConfigurationFile?, diagnostics: [Diagnostic]) {
        let collector = DiagnosticCollector()
        var context = DecodeContext(file: path, collector: collector)
        context.source = text
        context.quotesValues = false
        guard let root = YAMLDocumentParser.parse(text, file: path, into: collector) else {
            if !collector.diagnostics.isEmpty || !text.allSatisfy(\.isWhitespace) { return (nil, collector.diagnostics) }
            return (ServiceConfigurationFile(path: path), [])
        }
        if context.isNull(root) { return (ServiceConfigurationFile(path: path), collector.diagnostics) }
        guard let top = context.mapping(root, what: path, allowed: topKeys) else { return (nil, collector.diagnostics) }
        var file = ServiceConfigurationFile(path: path)
        for key in ["public_url", "database"] {
            if let value = scalar(top, key, context: context) { file.values[key] = value }
        }
        for (section, keys) in nestedKeys {
            guard let node = top.value(section), !context.isNull(node),
                let map = context.mapping(node, what: "'\(section)'", allowed: keys, for: section)
            else { continue }
            for key in keys {
                if let value = scalar(map, key, context: context) { file.values["\(section).\(key)"] = value }
            }
        }
        if let node = top.value("networks"), !context.isNull(node),
            let networks = context.mapping(node, what: "'networks'", allowed: [], for: "networks")
        {
            for entry in networks.entries {
                guard let name = context.string(entry.keyNode, for: "networks"),
                    let map = context.mapping(
                        entry.value, what: "'networks.\(name.value)'", allowed: ServiceSettingKey.networkCredentialKeys,
                        required: ServiceSettingKey.networkCredentialKeys, for: name.value)
                else { continue }
                var values: [String: Located<String>] = [:]
                for key in ServiceSettingKey.networkCredentialKeys {
                    if let value = scalar(map, key, context: context) { values[key] = value }
                }
                file.networks.append(ServiceConfigurationFile.NetworkEntry(name: name, values: values))
            }
        }
        return (file, collector.diagnostics)
    }

    /// A scalar value as text (numbers too: `port: 8080`).
    private static func scalar(_ map: MappingReader, _ key: String, context: DecodeContext) -> Located<String>? {
        guard let node = map.value(key), !context.isNull(node) else { return nil }
        return context.string(node, for: key)
    }
}
