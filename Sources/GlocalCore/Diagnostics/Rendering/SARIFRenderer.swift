import Foundation

/// Renders a report as a SARIF 2.1.0 log, for GitHub code scanning and other SARIF consumers.
///
/// The log has one run. Its driver lists only the rules that results use, sorted by id, with a
/// PascalCase `name`, the rule's summary as `shortDescription` and, as `defaultConfiguration.level`,
/// the most severe level any result of that rule has. Each result has `ruleId`, `ruleIndex` into that
/// list, `level` (`error`, `warning`, `note`), the message with notes as extra `note: ` lines, one
/// location relative to `%SRCROOT%` (absent for diagnostics without a location; `endColumn` is
/// exclusive, columns count Unicode code points as `columnKind` says), and `properties.network` /
/// `properties.account` for variant diagnostics. Keys are sorted, pretty-printed, ending with a newline.
public struct SARIFRenderer: Sendable {
    /// The JSON schema the log declares in `$schema`.
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The SARIF version written.
    public static let sarifVersion = "2.1.0"

    /// glocal's version, written as the driver's `version`.
    public var toolVersion: String
    /// glocal's home page, written as the driver's `informationUri`.
    public var informationURI: String
    /// The absolute path of the workspace root, written as `originalUriBaseIds["%SRCROOT%"]`;
    /// left out when `nil` or not absolute.
    public var sourceRoot: String?

    /// Creates a renderer for glocal `toolVersion`; `sourceRoot` is the workspace's absolute path, if known.
    public init(
        toolVersion: String, informationURI: String = "https://github.com/glocal-dev/glocal",
        sourceRoot: String? = nil
    ) {
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.sourceRoot = sourceRoot
    }

    /// The whole report as a SARIF log: pretty-printed JSON with sorted keys, ending with a newline.
    public func render(_ report: ValidationReport) -> String {
        let ruleIDs = Set(report.diagnostics.map(\.rule)).sorted()
        let ruleIndex = Dictionary(uniqueKeysWithValues: ruleIDs.enumerated().map { ($1, $0) })
        let rules = ruleIDs.map { id in
            let severity = report.diagnostics.lazy.filter { $0.rule == id }.map(\.severity).min() ?? .warning
            return Rule(
                id: id, name: Self.pascalCase(id),
                shortDescription: Text(text: DiagnosticRule.named(id)?.summary ?? id),
                defaultConfiguration: Configuration(level: Self.level(for: severity)))
        }
        let results = report.diagnostics.map { diagnostic in
            Result(
                ruleId: diagnostic.rule, ruleIndex: ruleIndex[diagnostic.rule] ?? 0,
                level: Self.level(for: diagnostic.severity),
                message: Text(text: ([diagnostic.message] + diagnostic.notes.map { "note: \($0)" }).joined(separator: "\n")),
                locations: diagnostic.location.map { [Self.location($0)] },
                properties: diagnostic.network == nil && diagnostic.account == nil
                    ? nil : Properties(network: diagnostic.network?.rawValue, account: diagnostic.account))
        }
        var baseIDs: [String: ArtifactLocation]?
        if let sourceRoot, sourceRoot.hasPrefix("/") {
            let uri = URL(fileURLWithPath: sourceRoot, isDirectory: true).absoluteString
            baseIDs = ["%SRCROOT%": ArtifactLocation(uri: uri.hasSuffix("/") ? uri : uri + "/", uriBaseId: nil)]
        }
        let run = Run(
            tool: Tool(driver: Driver(name: "glocal", version: toolVersion, informationUri: informationURI, rules: rules)),
            results: results, originalUriBaseIds: baseIDs, columnKind: "unicodeCodePoints")
        let log = Log(schema: Self.schemaURI, version: Self.sarifVersion, runs: [run])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(log), as: UTF8.self) + "\n"
        } catch {
            preconditionFailure("encoding plain strings and integers cannot fail: \(error)")
        }
    }

    /// `error`, `warning` or `note`.
    static func level(for severity: Severity) -> String { severity.rawValue }

    /// `network.unknown` → `NetworkUnknown`, `template.unknown-variable` → `TemplateUnknownVariable`.
    static func pascalCase(_ id: String) -> String {
        id.split { !($0.isLetter || $0.isNumber) }.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A SARIF location for a source location, relative to `%SRCROOT%`; a file outside the current directory's tree
    /// (an absolute path) is an absolute `file://` URI, since a URI relative to a base must not start with `/`.
    private static func location(_ location: SourceLocation) -> Location {
        let artifact =
            location.file.hasPrefix("/")
            ? ArtifactLocation(uri: URL(fileURLWithPath: location.file).absoluteString, uriBaseId: nil)
            : ArtifactLocation(uri: uriReference(location.file), uriBaseId: "%SRCROOT%")
        return Location(
            physicalLocation: PhysicalLocation(
                artifactLocation: artifact,
                region: Region(
                    startLine: location.line, startColumn: location.column,
                    endColumn: location.column + location.length)))
    }

    /// Characters left as they are in a relative URI reference (RFC 3986 unreserved, sub-delims, `/`, `@`).
    private static let uriAllowed = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=/@")

    /// A workspace path as a relative URI reference: spaces, `%`, `:`, `#`, non-ASCII and so on percent-encoded.
    static func uriReference(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: uriAllowed) ?? path
    }

    // MARK: SARIF object model (only what glocal writes)

    private struct Log: Encodable {
        var schema: String
        var version: String
        var runs: [Run]
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    private struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var originalUriBaseIds: [String: ArtifactLocation]?
        var columnKind: String
    }

    private struct Tool: Encodable { var driver: Driver }

    private struct Driver: Encodable {
        var name: String
        var version: String
        var informationUri: String
        var rules: [Rule]
    }

    private struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var defaultConfiguration: Configuration
    }

    private struct Configuration: Encodable { var level: String }

    private struct Text: Encodable { var text: String }

    private struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]?
        var properties: Properties?
    }

    private struct Properties: Encodable {
        var network: String?
        var account: String?
    }

    private struct Location: Encodable { var physicalLocation: PhysicalLocation }

    private struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    private struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    private struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endColumn: Int
    }
}
