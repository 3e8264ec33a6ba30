/// Where a post's link goes.
public enum LinkPlacement: String, CaseIterable, Sendable, Hashable, Codable {
    /// In the post's text (the default).
    case inline
    /// In the first comment under the post (LinkedIn, Facebook, Instagram): keeps feed reach.
    case firstComment = "first_comment"
    /// In a reply to the post (X, Threads, Bluesky, Mastodon).
    case reply
    /// Not published at all (the link is only tracked).
    case none
}
