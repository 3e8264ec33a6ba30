import Foundation

/// Why an approval action was refused; nothing was written then.
public enum ApprovalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The longest rejection reason accepted, in characters (as the crisis pause's): it is shown in the audit log,
    /// the variant's history and the central team's notifications.
    public static let maxReasonLength = 500

    /// No such variant.
    case variantNotFound(String)
    /// The user may not act on this variant's account.
    case forbidden(variantID: String)
    /// The variant is not waiting for approval (approve, reject) or cannot be edited any more.
    case wrongState(variantID: String, state: VariantState)
    /// The approval deadline passed: the variant will not be published.
    case pastDeadline(variantID: String, deadline: Date)
    /// A rejection needs a reason.
    case reasonRequired
    /// The rejection reason holds a control character (this one) other than a tab or a line break.
    case reasonControl(Unicode.Scalar)
    /// The rejection reason has this many characters, more than ``maxReasonLength``.
    case reasonTooLong(Int)
    /// The edit breaks the network's rules.
    case invalidEdit([Diagnostic])
    /// The variant's content changed since revision `shown` was shown (it is now `current`).
    case staleRevision(variantID: String, shown: String, current: String)
    /// The request names no revision of the variant (a form from before revisions were carried).
    case revisionMissing(variantID: String)
    /// The prefix `revision` starts the current revision and an earlier one: it does not say which was shown.
    case ambiguousRevision(variantID: String, revision: String)

    /// A one-line explanation for the command line and the UI.
    public var description: String {
        switch self {
        case .variantNotFound(let id): return "no variant '\(id)' in the store"
        case .forbidden(let id): return "you may not act on '\(id)': its account is not in your teams"
        case .wrongState(let id, let state):
            return "'\(id)' is \(state.rawValue.replacingOccurrences(of: "_", with: " ")), not pending approval"
        case .pastDeadline(let id, let deadline):
            return "'\(id)' passed its approval deadline (\(UTCTimestamp.string(from: deadline))): it will not be published"
        case .reasonRequired: return "a rejection needs a reason"
        case .reasonControl(let scalar):
            return "the rejection reason holds \(DiagnosticText.codePointName(scalar)), a control character: "
                + "type it again without it; nothing was written"
        case .reasonTooLong(let length):
            return "the rejection reason has \(length) characters, more than the \(Self.maxReasonLength) a reason may have: "
                + "shorten it; nothing was written"
        case .invalidEdit(let diagnostics): return diagnostics.map { "\($0.rule): \($0.message)" }.joined(separator: "; ")
        case .staleRevision(let id, let shown, let current):
            return "'\(id)' changed since revision \(shown) was shown (it is now revision \(current)): "
                + "nothing was written; review it again"
        case .revisionMissing(let id):
            return "the request names no revision of '\(id)': reload the page and act on what it shows; nothing was written"
        case .ambiguousRevision(let id, let revision):
            return "revision \(revision) of '\(id)' also starts an earlier revision, so it does not say which one was shown: "
                + "give the full revision (glocal pending prints it); nothing was written"
        }
    }
}
