/// The button of a Google Business Profile local post (`callToAction.actionType`).
public enum GoogleBusinessActionType: String, Sendable, CaseIterable, Equatable {
    /// Book an appointment or a table.
    case book = "BOOK"
    /// Order something.
    case order = "ORDER"
    /// Browse a product catalogue.
    case shop = "SHOP"
    /// Read more.
    case learnMore = "LEARN_MORE"
    /// Register or sign up.
    case signUp = "SIGN_UP"
    /// Call the business: Google dials the location's phone number, so the button takes no URL.
    case call = "CALL"

    /// Whether the button needs a URL (every type but `CALL`).
    public var needsURL: Bool { self != .call }
}
