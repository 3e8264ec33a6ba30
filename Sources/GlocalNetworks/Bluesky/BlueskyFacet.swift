/// A rich-text facet of a Bluesky post: a UTF-8 **byte** range `[byteStart, byteEnd)` and what it is.
public struct BlueskyFacet: Sendable, Equatable {
    /// What the range is.
    public enum Feature: Sendable, Equatable {
        /// A link to `uri`.
        case link(String)
        /// A hashtag, without `#`.
        case tag(String)
    }

    /// First byte, counted in UTF-8 from the start of the text.
    public var byteStart: Int
    /// One past the last byte.
    public var byteEnd: Int
    /// The feature.
    public var feature: Feature

    /// Creates a facet.
    public init(byteStart: Int, byteEnd: Int, feature: Feature) {
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.feature = feature
    }

    /// The `app.bsky.richtext.facet` JSON.
    var json: [String: Any] {
        let feature: [String: Any]
        switch self.feature {
        case .link(let uri): feature = ["$type": "app.bsky.richtext.facet#link", "uri": uri]
        case .tag(let tag): feature = ["$type": "app.bsky.richtext.facet#tag", "tag": tag]
        }
        return [
            "$type": "app.bsky.richtext.facet", "index": ["byteStart": byteStart, "byteEnd": byteEnd],
            "features": [feature],
        ]
    }
}
