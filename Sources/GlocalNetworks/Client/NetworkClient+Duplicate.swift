extension NetworkClient {
    /// `.duplicate` with the existing post when the account's recent posts show it (networks without a key).
    func resolveDuplicate(_ post: OutgoingPost, credentials: AccountCredentials) async -> PublishOutcome {
        if case .found(let existing) = await lookUp(post, pending: nil, credentials: credentials) { return .duplicate(existing) }
        return .duplicate(nil)
    }
}
