import GlocalCore
import GlocalNetworks

extension OutgoingPostFactory {
    /// The override of the variant's post on its network, if the campaign has one.
    func override(for variant: StoredVariant) -> PostNetworkOverride? {
        let post = campaigns[variant.campaignID]?.posts.first { $0.id.value == variant.postID }
        return post?.overrides.first { $0.network.value == variant.network }
    }

    /// `post` with what its network needs besides text and media, read from the workspace at dispatch time:
    /// Pinterest's board and alt text, Google Business Profile's location and post details, YouTube's and TikTok's
    /// own settings.
    func addingNetworkOptions(_ post: OutgoingPost, variant: StoredVariant, account: Account?) -> OutgoingPost {
        var post = post
        switch variant.network {
        case .pinterest:
            let override = override(for: variant)
            if let account { post.boardID = PinterestBoardCheck.board(for: account, override: override)?.id }
            post.pinAltText = override?.pinterest?.altText?.value
        case .googleBusiness:
            post.businessLocation = account?.businessLocation?.value
            post.businessPost = override(for: variant)?.googleBusiness?.value ?? .standard
        case .youtube:
            let youtube = override(for: variant)?.youtube
            post.youtube = youtube?.options
            // The override's thumbnail replaces any image among the media: the client sends it by `thumbnails.set`.
            if let thumbnail = youtube?.thumbnail {
                post.media.removeAll { !$0.isVideo }
                post.media.append(
                    MediaFile(
                        workspacePath: thumbnail.path.value, workspace: root, publicURLs: mediaURLs,
                        altText: thumbnail.alt))
            }
        case .tiktok: post.tiktok = override(for: variant)?.tiktok?.options
        case .x, .bluesky, .mastodon, .threads, .linkedin, .facebook, .instagram: break
        }
        return post
    }
}
