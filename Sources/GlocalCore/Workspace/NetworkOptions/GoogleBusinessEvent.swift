/// An event post's (or an offer's) title and schedule (`event.title`, `event.schedule`).
public struct GoogleBusinessEvent: Sendable, Equatable {
    /// The event's name.
    public var title: String
    /// When it starts, at the location.
    public var start: GoogleBusinessDateTime
    /// When it ends, at the location (not before `start`).
    public var end: GoogleBusinessDateTime

    /// Creates an event.
    public init(title: String, start: GoogleBusinessDateTime, end: GoogleBusinessDateTime) {
        self.title = title
        self.start = start
        self.end = end
    }
}
