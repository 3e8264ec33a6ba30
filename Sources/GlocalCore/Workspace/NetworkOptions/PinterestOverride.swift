/// What a post's `networks: {pinterest: {...}}` adds to the common override keys: the board and the pin's alt text.
public struct PinterestOverride: Sendable {
    /// A board id or name from each target account's `boards` (the account's first board when unset).
    public var board: Located<String>?
    /// The pin's alt text (at most 500 characters), which wins over the media item's `alt`.
    public var altText: Located<String>?

    /// Creates a Pinterest override.
    public init(board: Located<String>? = nil, altText: Located<String>? = nil) {
        self.board = board
        self.altText = altText
    }
}
