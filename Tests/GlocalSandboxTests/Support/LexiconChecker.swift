import Foundation

/// Checks JSON values against atproto lexicons read from `shared/specs/atproto/lexicons`: the object, string, ref,
/// union, array, integer, boolean, blob and unknown types, required fields, `maxLength` (UTF-8 bytes for strings),
/// `maxGraphemes`, `minimum`/`maximum`, and the formats did, handle, cid, at-uri, datetime, nsid, tid, record-key,
/// language (by ``AtprotoSyntax``). Unions are open: a `$type` not listed passes, as the lexicon spec says.
struct LexiconChecker: @unchecked Sendable {  // read-only after init
    private var documents: [String: [String: Any]] = [:]

    /// Loads the lexicon documents of these NSIDs (`app.bsky.feed.defs` → `app/bsky/feed/defs.json`).
    init(_ nsids: [String]) throws {
        for nsid in nsids { try load(nsid) }
    }

    private mutating func load(_ nsid: String) throws {
        guard documents[nsid] == nil else { return }
        let path = "atproto/lexicons/" + nsid.replacingOccurrences(of: ".", with: "/") + ".json"
        documents[nsid] = try SpecFiles.json(path) as? [String: Any] ?? [:]
    }

    /// The definition `nsid#name` (`#main` when no name).
    func definition(_ reference: String, from current: String) -> [String: Any]? {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let nsid = parts[0].isEmpty ? current : parts[0]
        let name = parts.count > 1 ? parts[1] : "main"
        return (documents[nsid]?["defs"] as? [String: Any])?[name] as? [String: Any]
    }

    /// The problems of `value` against definition `reference` (`app.bsky.feed.defs#postView`), each with its path.
    func problems(_ value: Any, against reference: String) -> [String] {
        let nsid = String(reference.split(separator: "#").first ?? "")
        guard let def = definition(reference, from: nsid) else { return ["no lexicon definition \(reference)"] }
        var found: [String] = []
        check(value, def, nsid: nsid, path: "$", into: &found)
        return found
    }

    /// The problems of an XRPC output body against the lexicon's `output.schema`.
    func outputProblems(_ value: Any, of nsid: String) -> [String] {
        guard let schema = ((definition(nsid, from: nsid)?["output"]) as? [String: Any])?["schema"] as? [String: Any] else {
            return ["\(nsid) has no output schema"]
        }
        var found: [String] = []
        check(value, schema, nsid: nsid, path: "$", into: &found)
        return found
    }

    private func check(_ value: Any, _ def: [String: Any], nsid: String, path: String, into found: inout [String]) {
        switch def["type"] as? String {
        case "record": check(value, def["record"] as? [String: Any] ?? [:], nsid: nsid, path: path, into: &found)
        case "object": checkObject(value, def, nsid: nsid, path: path, into: &found)
        case "ref":
            let reference = def["ref"] as? String ?? ""
            let target = reference.hasPrefix("#") ? nsid : String(reference.split(separator: "#").first ?? "")
            guard let resolved = definition(reference, from: nsid) else {
                return found.append("\(path): unresolved ref \(reference)")
            }
            check(value, resolved, nsid: target, path: path, into: &found)
        case "union":
            guard let object = value as? [String: Any], let type = object["$type"] as? String else {
                return found.append("\(path): a union member needs $type")
            }
            let refs = (def["refs"] as? [String] ?? []).map { $0.hasPrefix("#") ? nsid + $0 : $0 }
            let wanted = type.contains("#") ? type : type + "#main"
            guard let match = refs.first(where: { ($0.contains("#") ? $0 : $0 + "#main") == wanted }) else { return }
            if let resolved = definition(match, from: nsid) {
                check(value, resolved, nsid: String(match.split(separator: "#").first ?? ""), path: path, into: &found)
            }
        case "array":
            guard let array = value as? [Any] else { return found.append("\(path): not an array") }
            if let max = def["maxLength"] as? Int, array.count > max { found.append("\(path): more than \(max) items") }
            if let min = def["minLength"] as? Int, array.count < min { found.append("\(path): fewer than \(min) items") }
            for (index, item) in array.enumerated() {
                check(item, def["items"] as? [String: Any] ?? [:], nsid: nsid, path: "\(path)[\(index)]", into: &found)
            }
        case "string": checkString(value, def, path: path, into: &found)
        case "integer":
            guard let number = value as? NSNumber, !(value is Bool && String(cString: number.objCType) == "c"),
                number.doubleValue == number.doubleValue.rounded()
            else { return found.append("\(path): not an integer") }
            if let min = def["minimum"] as? Int, number.intValue < min { found.append("\(path): below \(min)") }
            if let max = def["maximum"] as? Int, number.intValue > max { found.append("\(path): above \(max)") }
        case "boolean": if !(value is Bool) { found.append("\(path): not a boolean") }
        case "blob":
            guard let blob = value as? [String: Any], blob["$type"] as? String == "blob",
                let link = (blob["ref"] as? [String: Any])?["$link"] as? String, AtprotoSyntax.cidV1(link) != nil,
                blob["mimeType"] is String, blob["size"] is NSNumber
            else { return found.append("\(path): not a blob {$type: blob, ref: {$link: cid}, mimeType, size}") }
        case "unknown": if !(value is [String: Any]) { found.append("\(path): unknown must be an object") }
        default: break
        }
    }

    private func checkObject(_ value: Any, _ def: [String: Any], nsid: String, path: String, into found: inout [String]) {
        guard let object = value as? [String: Any] else { return found.append("\(path): not an object") }
        let properties = def["properties"] as? [String: Any] ?? [:]
        for name in def["required"] as? [String] ?? [] where object[name] == nil {
            found.append("\(path).\(name): required")
        }
        let nullable = Set(def["nullable"] as? [String] ?? [])
        for (name, member) in object {
            guard let property = properties[name] as? [String: Any] else { continue }
            if member is NSNull {
                if !nullable.contains(name) { found.append("\(path).\(name): null") }
                continue
            }
            check(member, property, nsid: nsid, path: "\(path).\(name)", into: &found)
        }
    }

    private func checkString(_ value: Any, _ def: [String: Any], path: String, into found: inout [String]) {
        guard let text = value as? String else { return found.append("\(path): not a string") }
        if let max = def["maxLength"] as? Int, text.utf8.count > max { found.append("\(path): over \(max) bytes") }
        if let min = def["minLength"] as? Int, text.utf8.count < min { found.append("\(path): under \(min) bytes") }
        if let max = def["maxGraphemes"] as? Int, text.count > max { found.append("\(path): over \(max) graphemes") }
        if let known = def["enum"] as? [String], !known.contains(text) { found.append("\(path): \(text) not in enum") }
        let valid: Bool
        switch def["format"] as? String {
        case "did": valid = AtprotoSyntax.isDID(text)
        case "handle": valid = AtprotoSyntax.isHandle(text)
        case "at-identifier": valid = AtprotoSyntax.isDID(text) || AtprotoSyntax.isHandle(text)
        case "cid": valid = AtprotoSyntax.isCIDSyntax(text)
        case "at-uri": valid = AtprotoSyntax.isATURI(text)
        case "datetime": valid = AtprotoSyntax.isDatetime(text)
        case "nsid": valid = AtprotoSyntax.isNSID(text)
        case "tid": valid = AtprotoSyntax.isTID(text)
        case "record-key": valid = AtprotoSyntax.isRecordKey(text)
        case "uri": valid = text.contains(":")
        case "language": valid = text.range(of: "^[a-z]{2,3}(-[a-zA-Z0-9]{1,8})*$", options: .regularExpression) != nil
        default: valid = true
        }
        if !valid { found.append("\(path): \(text) is not a valid \(def["format"] as? String ?? "")") }
    }
}
