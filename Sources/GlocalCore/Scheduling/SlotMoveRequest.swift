import Foundation

/// What a person asked for when moving a variant, and what their page showed.
public struct SlotMoveRequest: Sendable {
    /// The variant.
    public var id: String
    /// The content revision the page showed (refused as stale if it changed).
    public var revision: VariantRevision
    /// The slot the page showed (refused if someone moved the variant since); `nil` for none.
    public var shownSlot: Date?
    /// Why, if the person said.
    public var note: String?
    /// Who moves it.
    public var actor: String

    /// Creates a request.
    public init(id: String, revision: VariantRevision, shownSlot: Date?, note: String?, actor: String) {
        self.id = id
        self.revision = revision
        self.shownSlot = shownSlot
        self.note = note
        self.actor = actor
    }
}
