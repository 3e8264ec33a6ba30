import Foundation

/// The attributes an entity page of the Mastodon docs (`shared/specs/mastodon/Status.md` …) lists under
/// `## Attributes`: each `### \`name\`` heading that is not marked optional or removed, with its `**Type:**` line
/// (nullable or not, and the JSON type it implies). Nested `name[key]` attributes are left to the entity they name.
struct MastodonEntityDoc: Sendable {
    /// One documented attribute.
    struct Attribute: Sendable {
        let name: String
        let nullable: Bool
        /// `string`, `integer`, `number`, `boolean`, `array`, `object`, or `nil` when the doc's type is not one of these.
        let jsonType: String?
    }

    let attributes: [Attribute]

    /// Parses an entity page.
    init(_ relativePath: String) throws {
        let text = try SpecFiles.text(relativePath)
        var inAttributes = false
        var current: (name: String, skip: Bool)?
        var found: [Attribute] = []
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("## ") {
                inAttributes = line.hasPrefix("## Attributes")
                current = nil
                continue
            }
            guard inAttributes else { continue }
            if line.hasPrefix("### `") {
                let name = line.dropFirst(5).prefix { $0 != "`" }
                let skip = line.contains("%optional%") || line.contains("%removed%") || name.contains("[")
                current = (String(name), skip)
            } else if line.hasPrefix("**Type:**"), let attribute = current {
                current = nil
                guard !attribute.skip else { continue }
                found.append(
                    Attribute(
                        name: attribute.name, nullable: line.contains("nullable"), jsonType: Self.jsonType(of: line)))
            }
        }
        attributes = found
    }

    private static func jsonType(of line: String) -> String? {
        let type = line.replacingOccurrences(of: "{{<nullable>}}", with: "").dropFirst("**Type:**".count)
            .trimmingCharacters(in: .whitespaces)
        if type.hasPrefix("String") { return "string" }
        if type.hasPrefix("Integer") { return "integer" }
        if type.hasPrefix("Float") { return "number" }
        if type.hasPrefix("Boolean") { return "boolean" }
        if type.hasPrefix("Array") { return "array" }
        if type.hasPrefix("Hash") || type.hasPrefix("[") { return "object" }
        return nil
    }

    /// What `entity` lacks or gets wrong: missing attributes, `null` where the doc does not allow it, wrong JSON types.
    func problems(_ entity: [String: Any]) -> [String] {
        var found: [String] = []
        for attribute in attributes {
            guard let value = entity[attribute.name] else {
                found.append("\(attribute.name): missing")
                continue
            }
            if value is NSNull {
                if !attribute.nullable { found.append("\(attribute.name): null but not nullable") }
                continue
            }
            let ok: Bool
            switch attribute.jsonType {
            case "string": ok = value is String
            case "integer", "number": ok = value is NSNumber && !(value is String)
            case "boolean": ok = value is Bool
            case "array": ok = value is [Any]
            case "object": ok = value is [String: Any]
            default: ok = true
            }
            if !ok { found.append("\(attribute.name): not a \(attribute.jsonType ?? "")") }
        }
        return found
    }
}
