/// The little the 80/20 rule needs to know about one variant; kept instead of whole variants so
/// that checking 200 000 variants does not hold them all in memory.
struct PlannedPost: Sendable {
    var accountID: String
    var network: Network
    var date: LocalDate
    var kind: PostKind
    var campaignID: String
    var postID: String
    var postLocation: SourceLocation

    init(
        accountID: String, network: Network, date: LocalDate, kind: PostKind, campaignID: String, postID: String,
        postLocation: SourceLocation
    ) {
        self.accountID = accountID
        self.network = network
        self.date = date
        self.kind = kind
        self.campaignID = campaignID
        self.postID = postID
        self.postLocation = postLocation
    }

    init(_ variant: PostVariant) {
        accountID = variant.accountID
        network = variant.network
        date = variant.date
        kind = variant.kind
        campaignID = variant.campaignID
        postID = variant.postID
        postLocation = variant.postLocation
    }
}
