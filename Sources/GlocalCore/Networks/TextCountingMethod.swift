/// How a network counts the length of a post's text.
public enum TextCountingMethod: String, Sendable, Codable {
    /// twitter-text v3 weighted length: NFC, weights by code-point range, URLs 23, emoji sequences 2.
    case xWeighted
    /// Extended grapheme clusters, plus a separate UTF-8 byte limit (Bluesky).
    case graphemesAndBytes
    /// Graphemes, each URL with a scheme counts a fixed number, `@user@domain` counts as `@user` (Mastodon).
    case mastodon
    /// Characters, where an emoji counts its UTF-8 byte length (Threads, per Meta's docs).
    case threads
    /// Extended grapheme clusters (what a person calls characters).
    case graphemes
    /// UTF-16 code units (TikTok).
    case utf16
    /// UTF-8 bytes (YouTube descriptions).
    case utf8Bytes
}
