import Foundation

/// The `app.bsky.feed.post` fields beyond text, date and images that a PDS validates against the lexicons:
/// `langs` items of format `language`, `tags` (at most 8, each at most 64 graphemes and 640 bytes), `facets`
/// (`app.bsky.richtext.facet`: a `byteSlice` of two non-negative integers, features whose mention is a DID, link a
/// URI and tag at most 64 graphemes) and `reply` (`root` and `parent`, each a `strongRef` of an AT-URI and a CID).
enum BlueskyPostFields {
    /// `app.bsky.feed.post` `tags` `maxLength`.
    static let maxTags = 8

    /// Why the record's fields break the lexicons, worded as a PDS words it (without its
    /// "Invalid app.bsky.feed.post record: " prefix), or `nil`.
    static func problem(_ record: [String: Any]) -> String? {
        for (index, lang) in (record["langs"] as? [Any] ?? []).enumerated() {
            guard let lang = lang as? String, AtprotoLanguage.isValid(lang) else {
                return "Record/langs/\(index) must be a well-formed BCP 47 language tag"
            }
        }
        if let tags = record["tags"] {
            guard let tags = tags as? [Any] else { return "Record/tags must be an array" }
            if tags.count > maxTags { return "Record/tags must not have more than \(maxTags) elements" }
            for (index, tag) in tags.enumerated() {
                if let problem = tagProblem(tag, at: "Record/tags/\(index)") { return problem }
            }
        }
        if let facets = record["facets"] {
            guard let facets = facets as? [Any] else { return "Record/facets must be an array" }
            for (index, facet) in facets.enumerated() {
                if let problem = facetProblem(facet, at: "Record/facets/\(index)") { return problem }
            }
        }
        if let reply = record["reply"] {
            guard let reply = reply as? [String: Any] else { return "Record/reply must be an object" }
            for key in ["root", "parent"] {
                guard let ref = reply[key] else { return "Record/reply must have the property \"\(key)\"" }
                if let problem = strongRefProblem(ref, at: "Record/reply/\(key)") { return problem }
            }
        }
        return nil
    }

    private static func tagProblem(_ tag: Any, at path: String) -> String? {
        guard let tag = tag as? String else { return "\(path) must be a string" }
        if tag.utf8.count > 640 { return "\(path) must not be longer than 640 characters" }
        if tag.count > 64 { return "\(path) must not be longer than 64 graphemes" }
        return nil
    }

    private static func facetProblem(_ facet: Any, at path: String) -> String? {
        guard let facet = facet as? [String: Any] else { return "\(path) must be an object" }
        guard let index = facet["index"] as? [String: Any] else { return "\(path) must have the property \"index\"" }
        for key in ["byteStart", "byteEnd"] {
            guard let value = index[key] else { return "\(path)/index must have the property \"\(key)\"" }
            guard let number = value as? Int, type(of: value) != Bool.self else {
                return "\(path)/index/\(key) must be an integer"
            }
            if number < 0 { return "\(path)/index/\(key) can not be less than 0" }
        }
        guard let features = facet["features"] as? [Any] else { return "\(path) must have the property \"features\"" }
        for (number, feature) in features.enumerated() {
            let at = "\(path)/features/\(number)"
            guard let feature = feature as? [String: Any] else { return "\(at) must be an object" }
            switch feature["$type"] as? String {
            case "app.bsky.richtext.facet#mention":
                guard let did = feature["did"] as? String, isDID(did) else { return "\(at)/did must be a valid did" }
            case "app.bsky.richtext.facet#link":
                guard let uri = feature["uri"] as? String, isURI(uri) else { return "\(at)/uri must be a uri" }
            case "app.bsky.richtext.facet#tag":
                guard let tag = feature["tag"] else { return "\(at) must have the property \"tag\"" }
                if let problem = tagProblem(tag, at: "\(at)/tag") { return problem }
            case nil: return "\(at) must be an object which includes the \"$type\" property"
            case .some:
                // The union is open: a feature of another type passes, as the lexicon spec says.
                continue
            }
        }
        return nil
    }

    private static func strongRefProblem(_ value: Any, at path: String) -> String? {
        guard let ref = value as? [String: Any] else { return "\(path) must be an object" }
        guard let uri = ref["uri"] as? String else { return "\(path) must have the property \"uri\"" }
        guard uri.hasPrefix("at://"), uri.count <= 8192, !uri.contains(" ") else { return "\(path)/uri must be a valid at-uri" }
        guard let cid = ref["cid"] as? String else { return "\(path) must have the property \"cid\"" }
        guard isCIDString(cid) else { return "\(path)/cid must be a cid string" }
        return nil
    }

    /// The `cid` string format's loose syntax: 8 to 256 of `[a-zA-Z0-9+=]`.
    static func isCIDString(_ text: String) -> Bool {
        text.range(of: "^[a-zA-Z0-9+=]{8,256}$", options: .regularExpression) != nil
    }

    /// The `did` format: `did:method:identifier`, at most 2048 characters.
    private static func isDID(_ text: String) -> Bool {
        text.count <= 2048 && text.range(of: "^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$", options: .regularExpression) != nil
    }

    /// The lexicon `uri` format: a scheme, a colon and more, no whitespace, at most 8 KB.
    private static func isURI(_ text: String) -> Bool {
        text.utf8.count <= 8192 && text.range(of: "^[a-z][a-z.+-]*:[^\\s]+$", options: .regularExpression) != nil
    }
}
