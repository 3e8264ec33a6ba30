import Foundation

/// Checks JSON values against an OpenAPI document's schemas (`shared/specs/x/…openapi.json`): `$ref`, `allOf`,
/// `oneOf` with a `discriminator` mapping, `required`, `type`, `properties`, `items`, `enum`, `minItems` and simple
/// `pattern`s. Enough for the X answers the sandbox gives; not a full JSON Schema validator.
struct OpenAPIChecker: @unchecked Sendable {  // read-only after init
    let document: [String: Any]

    /// Reads an OpenAPI document from the specs folder.
    init(_ relativePath: String) throws { document = try SpecFiles.json(relativePath) as? [String: Any] ?? [:] }

    /// The response schema of `method path` for `status` (its own code, else `default`), as `contentType`.
    func responseSchema(_ method: String, _ path: String, status: Int, contentType: String) -> [String: Any]? {
        let operation = ((document["paths"] as? [String: Any])?[path] as? [String: Any])?[method.lowercased()] as? [String: Any]
        let responses = operation?["responses"] as? [String: Any]
        let response = (responses?[String(status)] ?? responses?["default"]) as? [String: Any]
        let content = response?["content"] as? [String: Any]
        return (content?[contentType] as? [String: Any])?["schema"] as? [String: Any]
    }

    /// The problems of `value` against `schema`, each with its JSON path.
    func problems(_ value: Any, against schema: [String: Any]) -> [String] {
        var found: [String] = []
        check(value, schema, path: "$", into: &found)
        return found
    }

    /// The named component schema.
    func component(_ name: String) -> [String: Any]? {
        ((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?[name] as? [String: Any]
    }

    private func resolve(_ reference: String) -> [String: Any]? {
        guard reference.hasPrefix("#/components/schemas/") else { return nil }
        return component(String(reference.dropFirst("#/components/schemas/".count)))
    }

    private func check(_ value: Any, _ schema: [String: Any], path: String, into found: inout [String]) {
        if let reference = schema["$ref"] as? String {
            guard let resolved = resolve(reference) else { return found.append("\(path): unresolved \(reference)") }
            return check(value, resolved, path: path, into: &found)
        }
        for part in schema["allOf"] as? [[String: Any]] ?? [] { check(value, part, path: path, into: &found) }
        if let options = schema["oneOf"] as? [[String: Any]] {
            if let discriminator = schema["discriminator"] as? [String: Any],
                let property = discriminator["propertyName"] as? String,
                let tag = (value as? [String: Any])?[property] as? String,
                let target = (discriminator["mapping"] as? [String: String])?[tag], let resolved = resolve(target)
            {
                check(value, resolved, path: path, into: &found)
            } else if !options.contains(where: { problems(value, against: $0).isEmpty }) {
                found.append("\(path): matches none of oneOf")
            }
        }
        if let type = schema["type"] as? String, !Self.has(value, type: type) {
            return found.append("\(path): not of type \(type)")
        }
        if let allowed = schema["enum"] as? [String], let text = value as? String, !allowed.contains(text) {
            found.append("\(path): \(text) not in \(allowed)")
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
            text.range(of: pattern, options: .regularExpression) == nil
        {
            found.append("\(path): \(text) does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                found.append("\(path).\(name): required")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (name, member) in object {
                if let property = properties[name] as? [String: Any] {
                    check(member, property, path: "\(path).\(name)", into: &found)
                }
            }
        }
        if let array = value as? [Any] {
            if let min = schema["minItems"] as? Int, array.count < min { found.append("\(path): fewer than \(min) items") }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { check(item, items, path: "\(path)[\(index)]", into: &found) }
            }
        }
    }

    private static func has(_ value: Any, type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "integer":
            guard let number = value as? NSNumber, !(value is String) else { return false }
            return number.doubleValue == number.doubleValue.rounded()
        case "number": return value is NSNumber && !(value is String)
        case "boolean": return value is Bool
        default: return true
        }
    }
}
