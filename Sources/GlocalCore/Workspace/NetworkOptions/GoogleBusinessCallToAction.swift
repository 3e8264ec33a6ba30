/// A local post's button: its type and, except for `CALL`, the URL it opens.
public struct GoogleBusinessCallToAction: Sendable, Equatable {
    /// The button.
    public var type: GoogleBusinessActionType
    /// The URL it opens; `nil` for `CALL`, or to use the post's link.
    public var url: String?

    /// Creates a call to action.
    public init(type: GoogleBusinessActionType, url: String? = nil) {
        self.type = type
        self.url = url
    }
}
