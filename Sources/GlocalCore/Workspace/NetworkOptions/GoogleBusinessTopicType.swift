/// The kind of a Google Business Profile local post (`topicType`); Google renders each with its own template.
public enum GoogleBusinessTopicType: String, Sendable, CaseIterable, Equatable {
    /// An update: summary, media and an optional button.
    case standard = "STANDARD"
    /// An event: a title and a schedule (start and end), shown prominently.
    case event = "EVENT"
    /// An offer: an event's title and schedule plus a coupon code, a redeem link and terms.
    case offer = "OFFER"
}
