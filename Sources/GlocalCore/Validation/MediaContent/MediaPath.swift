/// Checks on a media path's text, before anything touches the disk.
public enum MediaPath {
    /// Why `path` cannot name a file in the workspace, in plain words, or `nil` when it can.
    public static func problem(_ path: String) -> String? {
        if path.isEmpty { return "it is empty" }
        let bytes = path.utf8.count
        if bytes > MediaLimits.maxPathBytes {
            return "it is \(bytes) bytes long, at most \(MediaLimits.maxPathBytes) are allowed"
        }
        for scalar in path.unicodeScalars {
            if isControl(scalar) { return "it contains \(describe(scalar)), a control character" }
            if isInvisible(scalar) { return "it contains \(describe(scalar)), an invisible character" }
        }
        if path.unicodeScalars.first == "/" { return "it is absolute; write it relative to the workspace root" }
        if path.unicodeScalars.contains("\\") { return "it contains '\\'; separate folders with '/'" }
        // Split on scalars: "/" followed by a combining mark is one Character, and must still separate names.
        let components = path.unicodeScalars.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if components.contains("..") { return "it climbs out of the workspace with '..'" }
        if let long = components.first(where: { $0.utf8.count > MediaLimits.maxComponentBytes }) {
            return "the name '\(visible(String(long.unicodeScalars.prefix(40))))…' is \(long.utf8.count) bytes long, "
                + "at most \(MediaLimits.maxComponentBytes) are allowed"
        }
        if let first = components.first(where: { $0.unicodeScalars.first?.properties.generalCategory == .nonspacingMark }) {
            return "the name '\(visible(first))' starts with a combining mark that has no letter to sit on"
        }
        if components.last == "" || components.last == "." { return "it names a folder, not a file" }
        // A browser or a network fetching the file's URL folds these away and asks for another path.
        if components.contains(".") || components.dropLast().contains("") {
            return "it has an empty or '.' folder name ('//' or '/./'); write each folder once"
        }
        return nil
    }

    /// The folder part (empty at the root) and the file name, split at the last `/` scalar.
    public static func split(_ path: String) -> (folder: String, name: String) {
        let scalars = path.unicodeScalars
        guard let slash = scalars.lastIndex(of: "/") else { return ("", path) }
        return (String(scalars[..<slash]), String(scalars[scalars.index(after: slash)...]))
    }

    /// The text after the name's last `.`, or empty.
    public static func fileExtension(_ path: String) -> String {
        let name = split(path).name.unicodeScalars
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// `path` with control and invisible characters, and combining marks with no letter to sit on, written as
    /// `<U+200F>`, so that a message shows them.
    public static func visible(_ path: String) -> String {
        var text = ""
        var previous: Unicode.Scalar? = nil
        for scalar in path.unicodeScalars {
            let loneMark = scalar.properties.generalCategory == .nonspacingMark && (previous == nil || previous == "/")
            if isControl(scalar) || isInvisible(scalar) || loneMark {
                text += "<\(code(scalar))>"
            } else {
                text.unicodeScalars.append(scalar)
            }
            previous = scalar
        }
        return text
    }

    /// ``visible(_:)``, shortened in the middle when longer than 120 characters, for messages.
    public static func shown(_ path: String) -> String {
        let text = visible(path).unicodeScalars
        guard text.count > 120 else { return String(text) }
        return String(String.UnicodeScalarView(text.prefix(60))) + "…" + String(String.UnicodeScalarView(text.suffix(40)))
    }

    /// C0 and C1 controls and DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Direction marks and overrides, zero-width characters, the byte-order mark and other invisible format characters.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x00AD, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF, 0xFFF9...0xFFFB:
            return true
        default:
            return scalar.properties.generalCategory == .format && scalar.value >= 0xE0000
        }
    }

    /// `U+200F (RIGHT-TO-LEFT MARK)`.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let name = scalar.properties.name ?? scalar.properties.nameAlias
        return name.map { "\(code(scalar)) (\($0))" } ?? code(scalar)
    }

    private static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
