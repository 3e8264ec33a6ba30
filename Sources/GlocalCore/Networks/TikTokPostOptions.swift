/// Who can see a TikTok post (`post_info.privacy_level`); the creator's `privacy_level_options` say which ones
/// their account offers, and an unaudited app may only post `SELF_ONLY`.
public enum TikTokPrivacyLevel: String, Sendable, CaseIterable, Codable {
    /// Everyone.
    case publicToEveryone = "PUBLIC_TO_EVERYONE"
    /// Followers the creator follows back.
    case mutualFollowFriends = "MUTUAL_FOLLOW_FRIENDS"
    /// The creator's followers (private accounts).
    case followerOfCreator = "FOLLOWER_OF_CREATOR"
    /// Only the creator.
    case selfOnly = "SELF_ONLY"
}

/// What a TikTok direct post carries besides its caption: the `post_info` of `post/publish/video/init`
/// (docs/networks.md, TikTok).
public struct TikTokPostOptions: Sendable, Equatable {
    /// Who can see the post; `PUBLIC_TO_EVERYONE` unless the campaign says otherwise.
    public var privacyLevel: TikTokPrivacyLevel
    /// Comments turned off.
    public var disableComment: Bool
    /// Duets turned off.
    public var disableDuet: Bool
    /// Stitches turned off.
    public var disableStitch: Bool
    /// The post promotes a third party (paid partnership): TikTok labels it "Paid partnership".
    public var brandContentToggle: Bool
    /// The post promotes the creator's own business: TikTok labels it "Promotional content".
    public var brandOrganicToggle: Bool

    /// Creates options.
    public init(
        privacyLevel: TikTokPrivacyLevel = .publicToEveryone, disableComment: Bool = false, disableDuet: Bool = false,
        disableStitch: Bool = false, brandContentToggle: Bool = false, brandOrganicToggle: Bool = false
    ) {
        self.privacyLevel = privacyLevel
        self.disableComment = disableComment
        self.disableDuet = disableDuet
        self.disableStitch = disableStitch
        self.brandContentToggle = brandContentToggle
        self.brandOrganicToggle = brandOrganicToggle
    }
}
