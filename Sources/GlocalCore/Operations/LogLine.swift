import Foundation

/// One line of the service's log: when, how serious, what, and named fields, rendered as text for
/// people or as one JSON object per line (`{"time":…,"level":…,"message":…,"fields":{…}}`).
public struct LogLine: Sendable, Equatable {
    /// When it happened.
    public var time: Date
    /// How serious it is.
    public var level: LogLevel
    /// What happened, in a few words (`request`, `publish attempt`).
    public var message: String
    /// Named values, in the order given.
    public var fields: [(name: String, value: LogValue)]

    /// Creates a line.
    public init(time: Date, level: LogLevel, message: String, fields: [(name: String, value: LogValue)] = []) {
        self.time = time
        self.level = level
        self.message = message
        self.fields = fields
    }

    /// The value of the field `name`, if the line has one.
    public func field(_ name: String) -> LogValue? { fields.first { $0.name == name }?.value }

    /// The line in `format`, without its newline.
    public func rendered(_ format: LogFormat) -> String {
        switch format {
        case .text:
            let head = "\(Self.timestamp(time)) \(level.rawValue) \(Self.oneLine(message))"
            return ([head] + fields.map { "\($0.name)=\($0.value.textForm)" }).joined(separator: " ")
        case .json:
            var json = JSONText(capacity: 128)
            json.raw("{")
            json.key("time", first: true)
            json.string(Self.timestamp(time))
            json.key("level")
            json.string(level.rawValue)
            json.key("message")
            json.string(message)
            json.key("fields")
            json.raw("{")
            for (index, field) in fields.enumerated() {
                json.key(field.name, first: index == 0)
                json.raw(field.value.jsonForm)
            }
            json.raw("}}")
            return json.text
        }
    }

    /// `2026-12-06T02:00:00.123Z`.
    static func timestamp(_ date: Date) -> String { UTCTimestamp.string(from: date) }

    /// A message on one line (a text log line must not be split).
    static func oneLine(_ text: String) -> String {
        text.contains(where: \.isNewline) ? text.map { $0.isNewline ? " " : String($0) }.joined() : text
    }

    /// Lines are equal when everything they print is.
    public static func == (lhs: LogLine, rhs: LogLine) -> Bool {
        lhs.rendered(.json) == rhs.rendered(.json)
    }
}
