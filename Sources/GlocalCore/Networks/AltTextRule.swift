/// What a network does with an image's alt text (the `alt` of a media item), as glocal sends it.
public enum AltTextRule: Sendable, Equatable {
    /// glocal sends no alt text to this network (its client has nowhere to put it): the text is dropped.
    case notSent
    /// Sent; the network documents no length limit.
    case unlimited
    /// Sent; at most `max` units, counted as the network counts.
    case limited(max: Int, counting: AltTextCounting)

    /// Whether the alt text reaches the network.
    public var isSent: Bool { self != .notSent }
}

/// How a network counts the length of an alt text.
public enum AltTextCounting: String, Sendable, Equatable {
    /// Unicode code points (scalars): JSON Schema's `maxLength` (X), Ruby's `String#length` (Mastodon).
    case codePoints
    /// UTF-16 code units, as a Java `String#length` counts (LinkedIn's Rest.li services).
    case utf16

    /// The length of `text` in this unit.
    public func length(of text: String) -> Int {
        switch self {
        case .codePoints: return text.unicodeScalars.count
        case .utf16: return text.utf16.count
        }
    }

    /// The unit's name in a diagnostic.
    public var unit: String {
        switch self {
        case .codePoints: return "characters (Unicode code points)"
        case .utf16: return "UTF-16 code units"
        }
    }
}
