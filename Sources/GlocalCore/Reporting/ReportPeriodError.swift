/// Why a requested report period was refused; `message` says it in plain words.
public enum ReportPeriodError: Error, Sendable, Equatable {
    /// `period=` names no known period.
    case unknownPeriod(String)
    /// A custom period without its `from` or `to` date.
    case missingDate(parameter: String)
    /// A date that is not `YYYY-MM-DD` or does not exist.
    case invalidDate(parameter: String, value: String)
    /// `from` after `to`.
    case startAfterEnd(from: LocalDate, to: LocalDate)
    /// A custom period longer than ``ReportPeriod/maximumDays``.
    case tooLong(days: Int)
    /// `tz=` names no IANA time zone.
    case unknownTimeZone(String)

    /// The error in plain words, for a person.
    public var message: String {
        switch self {
        case .unknownPeriod(let value):
            let known = ReportPeriodPreset.allCases.map(\.rawValue).joined(separator: ", ")
            return "'\(value.prefix(40))' is not a report period; choose one of \(known)."
        case .missingDate(let parameter):
            return "A custom period needs both dates: '\(parameter)' is missing (write it as YYYY-MM-DD, e.g. 2026-12-01)."
        case .invalidDate(let parameter, let value):
            return "'\(value.prefix(40))' in '\(parameter)' is not a date: write it as YYYY-MM-DD, e.g. 2026-12-01."
        case .startAfterEnd(let from, let to):
            return "The period starts on \(from), after it ends on \(to): swap the two dates."
        case .tooLong(let days):
            return "The period covers \(days) days; a report covers at most \(ReportPeriod.maximumDays) days."
        case .unknownTimeZone(let value):
            return "'\(value.prefix(60))' is not a time zone; name one like Europe/Paris or America/New_York."
        }
    }
}
