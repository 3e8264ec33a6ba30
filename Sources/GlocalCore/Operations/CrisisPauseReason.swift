import Foundation

/// The reason a global (crisis) pause is given, the same rule on the web page and the command line: required,
/// shown on every page while the pause holds, so at most ``maxLength`` characters.
public struct CrisisPauseReason: Sendable, Equatable {
    /// The longest reason accepted, in characters.
    public static let maxLength = 500

    /// Why a typed reason is refused.
    public enum Problem: Error, Sendable, Equatable {
        /// Empty or only blanks.
        case empty
        /// Longer than ``CrisisPauseReason/maxLength`` characters (this many).
        case tooLong(Int)
        /// Holds a control character (this one) other than a tab or a line break.
        case control(Unicode.Scalar)
    }

    /// The reason, trimmed.
    public let text: String

    /// The reason `typed`, trimmed, or why it is refused.
    public static func reading(_ typed: String) -> Result<CrisisPauseReason, Problem> {
        let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .failure(.empty) }
        if text.count > maxLength { return .failure(.tooLong(text.count)) }
        if let control = TypedText.control(in: text) { return .failure(.control(control)) }
        return .success(CrisisPauseReason(text: text))
    }
}
