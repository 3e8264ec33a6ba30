/// An offer post's details (`offer.couponCode`, `offer.redeemOnlineUrl`, `offer.termsConditions`); each is optional.
public struct GoogleBusinessOffer: Sendable, Equatable {
    /// The code to use in store or online.
    public var couponCode: String?
    /// Where to redeem the offer online.
    public var redeemURL: String?
    /// The offer's terms and conditions.
    public var terms: String?

    /// Creates an offer.
    public init(couponCode: String? = nil, redeemURL: String? = nil, terms: String? = nil) {
        self.couponCode = couponCode
        self.redeemURL = redeemURL
        self.terms = terms
    }
}
