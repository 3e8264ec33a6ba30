/// One locale file: its fallback, time zone, holidays and translated strings.
public struct LocaleDefinition: Sendable {
    /// The locale id, such as `fr-CA`.
    public var id: Located<String>
    /// The next locale to look in when a string is missing here.
    public var fallback: Located<String>?
    /// The default time zone of accounts in this locale.
    public var timeZone: Located<String>?
    /// A display name such as "Français (Canada)".
    public var name: String?
    /// Public holidays, on which nothing is scheduled unless a post is made for the holiday.
    public var holidays: [Located<LocalDate>]
    /// Translated texts by string key.
    public var strings: [String: LocalizedString]
    /// The file's path.
    public var file: String

    /// Creates a locale.
    public init(
        id: Located<String>, fallback: Located<String>? = nil, timeZone: Located<String>? = nil,
        name: String? = nil, holidays: [Located<LocalDate>] = [], strings: [String: LocalizedString] = [:],
        file: String
    ) {
        self.id = id
        self.fallback = fallback
        self.timeZone = timeZone
        self.name = name
        self.holidays = holidays
        self.strings = strings
        self.file = file
    }
}

/// A translated text and where it is written, so length errors point at the translation.
public struct LocalizedString: Sendable {
    /// The text, with `{variables}` not yet filled in.
    public var text: String
    /// Where the text's value starts.
    public var location: SourceLocation
    /// Where the key is written.
    public var keyLocation: SourceLocation
    /// Whether the value is on one line with no escapes, so a column inside it can be computed.
    public var isColumnExact: Bool

    /// Creates a string.
    public init(text: String, location: SourceLocation, keyLocation: SourceLocation, isColumnExact: Bool) {
        self.text = text
        self.location = location
        self.keyLocation = keyLocation
        self.isColumnExact = isColumnExact
    }

    /// The location of the character at `offset` (in Unicode scalars) inside the text, when computable.
    public func location(atScalarOffset offset: Int, length: Int) -> SourceLocation {
        guard isColumnExact else { return location }
        return SourceLocation(file: location.file, line: location.line, column: location.column + offset, length: length)
    }
}
