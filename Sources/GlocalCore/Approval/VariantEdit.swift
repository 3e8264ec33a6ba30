import Foundation

extension StoredVariant {
    /// The states an edit may change: nothing handed to the dispatcher, nothing withdrawn or over.
    public static let editableStates: Set<VariantState> = [.pendingApproval, .approved, .scheduled, .rejected]

    /// This variant with `text` and `linkPlacement` in place of its own, as an edit leaves it: its content hash
    /// recomputed, the plan's hash kept as its source, and back to `pendingApproval` whatever it was (it is approved
    /// only by an approval of the new text). `nil` when the content does not change. Throws
    /// `ApprovalError.wrongState` outside ``editableStates``.
    public func edited(text: String, linkPlacement: LinkPlacement) throws(ApprovalError) -> StoredVariant? {
        guard Self.editableStates.contains(state) else { throw .wrongState(variantID: id, state: state) }
        var edited = self
        edited.text = text
        edited.linkPlacement = linkPlacement
        edited.contentHash = Planner.contentHash(
            text: text, title: title, link: link, linkPlacement: linkPlacement, media: media)
        if edited.contentHash == contentHash { return nil }
        edited.sourceHash = plannedHash
        edited.state = .pendingApproval
        return edited
    }
}

extension ApprovalError {
    /// `reason` without the blanks around it; throws ``reasonRequired`` when nothing is left, ``reasonTooLong(_:)``
    /// over ``maxReasonLength`` characters, ``reasonControl(_:)`` when it holds a control character other than a tab
    /// or a line break.
    public static func rejectionReason(_ reason: String) throws(ApprovalError) -> String {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .reasonRequired }
        if trimmed.count > maxReasonLength { throw .reasonTooLong(trimmed.count) }
        if let control = TypedText.control(in: trimmed) { throw .reasonControl(control) }
        return trimmed
    }
}
