import Foundation

/// Renders a report as a stable JSON document for scripts and other tools.
///
/// The shape (version 1), pretty-printed with sorted keys (JSONEncoder's `"key" : value` spacing,
/// two-space indent) and ending with a newline:
///
/// ```json
/// {
///   "diagnostics" : [
///     {
///       "account" : "acme-jp",
///       "column" : 11,
///       "endColumn" : 41,
///       "file" : "campaigns/hydra.yaml",
///       "line" : 14,
///       "message" : "[x @acme-jp] text is 300 characters; X allows 280",
///       "network" : "x",
///       "notes" : [
///         "shorten it"
///       ],
///       "rule" : "text.too-long",
///       "severity" : "warning"
///     }
///   ],
///   "summary" : {
///     "accounts" : 3,
///     "campaigns" : 1,
///     "errors" : 0,
///     "files" : 4,
///     "locales" : 2,
///     "notes" : 0,
///     "posts" : 2,
///     "variants" : 6,
///     "warnings" : 1
///   },
///   "version" : 1
/// }
/// ```
///
/// - `severity` is `error`, `warning` or `note`; `rule` is the stable rule id.
/// - `file`, `line`, `column` and `endColumn` are absent (not `null`) for diagnostics without a location.
///   Lines and columns are 1-based, columns count Unicode scalars, and `endColumn` is exclusive
///   (`column + length`, as in SARIF).
/// - `network` and `account` are present only for per-variant diagnostics.
/// - `notes` is always present, possibly empty.
public struct JSONDiagnosticRenderer: Sendable {
    /// The version of the document shape, written as `version`.
    public static let formatVersion = 1

    /// Creates a renderer.
    public init() {}

    /// The whole report as a pretty-printed JSON document with sorted keys, ending with a newline.
    public func render(_ report: ValidationReport) -> String {
        let stats = report.statistics
        let document = Document(
            version: Self.formatVersion,
            summary: Summary(
                errors: report.count(.error), warnings: report.count(.warning), notes: report.count(.note),
                files: stats.files, accounts: stats.accounts, locales: stats.locales,
                campaigns: stats.campaigns, posts: stats.posts, variants: stats.variants),
            diagnostics: report.diagnostics.map(Entry.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        } catch {
            preconditionFailure("encoding plain strings and integers cannot fail: \(error)")
        }
    }

    /// The top-level object.
    private struct Document: Encodable {
        var version: Int
        var summary: Summary
        var diagnostics: [Entry]
    }

    /// The `summary` object: counts of diagnostics and of what was checked.
    private struct Summary: Encodable {
        var errors, warnings, notes, files, accounts, locales, campaigns, posts, variants: Int
    }

    /// One element of `diagnostics`; `nil` properties are left out.
    private struct Entry: Encodable {
        var severity: Severity
        var rule: String
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
        var endColumn: Int?
        var notes: [String]
        var network: Network?
        var account: String?

        init(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity
            rule = diagnostic.rule
            message = diagnostic.message
            file = diagnostic.location?.file
            line = diagnostic.location?.line
            column = diagnostic.location?.column
            endColumn = diagnostic.location.map { $0.column + $0.length }
            notes = diagnostic.notes
            network = diagnostic.network
            account = diagnostic.account
        }
    }
}
