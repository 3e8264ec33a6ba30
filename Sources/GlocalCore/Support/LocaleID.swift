/// The form of a locale id: a language (2–3 lowercase letters), an optional script (`Hant`) and an
/// optional region (`CA`, or three digits such as `419`), joined by `-`: `en`, `fr-CA`, `zh-Hant-TW`.
public enum LocaleID {
    /// Whether `text` has that form.
    public static func isWellFormed(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count), isLanguage(parts[0]) else { return false }
        var rest = parts.dropFirst()
        if let script = rest.first, isScript(script) { rest = rest.dropFirst() }
        if let region = rest.first, isRegion(region) { rest = rest.dropFirst() }
        return rest.isEmpty
    }

    /// The language, script and region of `id`, as BCP 47 places them: the region is the two-letter or three-digit
    /// part after the optional four-letter script (`zh-Hant-TW` → `TW`, `sr-Latn` → none, `es-419` → `419`).
    /// An id that is not well formed keeps its first part as the language and has no script or region.
    public static func parts(of id: String) -> (language: String, script: String?, region: String?) {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard isWellFormed(id) else { return (parts.first ?? id, nil, nil) }
        var rest = parts.dropFirst()
        var script: String? = nil
        if let first = rest.first, isScript(first) {
            script = first
            rest = rest.dropFirst()
        }
        return (parts[0], script, rest.first)
    }

    /// The well-formed id a writer most likely meant (`fr_CA`, `fr-ca` → `fr-CA`; `FR` → `fr`), or `nil`.
    public static func suggestion(for text: String) -> String? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard let first = parts.first else { return nil }
        var fixed = [first.lowercased()]
        for part in parts.dropFirst() {
            if part.count == 4 {
                fixed.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
            } else {
                fixed.append(part.uppercased())
            }
        }
        let candidate = fixed.joined(separator: "-")
        return candidate != text && isWellFormed(candidate) ? candidate : nil
    }

    private static func isLanguage(_ part: String) -> Bool {
        (2...3).contains(part.utf8.count) && part.utf8.allSatisfy { (97...122).contains($0) }
    }

    private static func isScript(_ part: String) -> Bool {
        let bytes = Array(part.utf8)
        return bytes.count == 4 && (65...90).contains(bytes[0]) && bytes.dropFirst().allSatisfy { (97...122).contains($0) }
    }

    private static func isRegion(_ part: String) -> Bool {
        let bytes = Array(part.utf8)
        return (bytes.count == 2 && bytes.allSatisfy { (65...90).contains($0) })
            || (bytes.count == 3 && bytes.allSatisfy { (48...57).contains($0) })
    }
}
