/// A post's TikTok-only settings (`networks: {tiktok: {privacy_level, disable_comment, …}}`), with where each was
/// written; unset fields are off, and the privacy level is `PUBLIC_TO_EVERYONE`.
public struct TikTokOverride: Sendable {
    /// Who can see the post.
    public var privacyLevel: Located<TikTokPrivacyLevel>?
    /// Comments turned off.
    public var disableComment: Bool
    /// Duets turned off.
    public var disableDuet: Bool
    /// Stitches turned off.
    public var disableStitch: Bool
    /// Paid partnership disclosure.
    public var brandContentToggle: Bool
    /// Own-brand promotion disclosure.
    public var brandOrganicToggle: Bool

    /// Creates an override.
    public init(
        privacyLevel: Located<TikTokPrivacyLevel>? = nil, disableComment: Bool = false, disableDuet: Bool = false,
        disableStitch: Bool = false, brandContentToggle: Bool = false, brandOrganicToggle: Bool = false
    ) {
        self.privacyLevel = privacyLevel
        self.disableComment = disableComment
        self.disableDuet = disableDuet
        self.disableStitch = disableStitch
        self.brandContentToggle = brandContentToggle
        self.brandOrganicToggle = brandOrganicToggle
    }

    /// The options a post sends.
    public var options: TikTokPostOptions {
        TikTokPostOptions(
            privacyLevel: privacyLevel?.value ?? .publicToEveryone, disableComment: disableComment, disableDuet: disableDuet,
            disableStitch: disableStitch, brandContentToggle: brandContentToggle, brandOrganicToggle: brandOrganicToggle)
    }
}
