/// Whose rules decide what an @mention is (see ``EntityScanner/mentions(in:syntax:)``).
public enum MentionSyntax: Sendable, Equatable {
    /// twitter-text's extractor: `@user` only; `@user@domain` is no mention.
    case twitterText
    /// Mastodon's server (`Account::MENTION_RE`): `@user` and the remote `@user@domain`.
    case mastodon
}
