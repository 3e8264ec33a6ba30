/// What a Google Business Profile local post carries besides its summary and media: the topic type and, as it
/// requires, the event, the offer and the button (`networks: {google_business: {...}}`, docs/campaign-format.md).
public struct GoogleBusinessPostDetails: Sendable, Equatable {
    /// The post's template.
    public var topicType: GoogleBusinessTopicType
    /// The event (required for `EVENT` and `OFFER`).
    public var event: GoogleBusinessEvent?
    /// The offer (only for `OFFER`).
    public var offer: GoogleBusinessOffer?
    /// The button, if any.
    public var callToAction: GoogleBusinessCallToAction?

    /// Creates details.
    public init(
        topicType: GoogleBusinessTopicType = .standard, event: GoogleBusinessEvent? = nil, offer: GoogleBusinessOffer? = nil,
        callToAction: GoogleBusinessCallToAction? = nil
    ) {
        self.topicType = topicType
        self.event = event
        self.offer = offer
        self.callToAction = callToAction
    }

    /// A standard post.
    public static let standard = GoogleBusinessPostDetails()
}
