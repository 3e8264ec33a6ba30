import Foundation

/// The engagement report as JSON: the ``EngagementReport`` value itself, keys sorted, for scripts.
public struct EngagementJSONRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The report as pretty-printed JSON with sorted keys.
    public func render(_ report: EngagementReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
