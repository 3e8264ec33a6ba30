/// Which board a pin goes to, and the error when a post's `board:` names none of the account's boards.
public enum PinterestBoardCheck {
    /// The board of `account` that `override` names, or the account's first board when it names none.
    public static func board(for account: Account, override: PostNetworkOverride?) -> PinterestBoard? {
        guard let reference = override?.pinterest?.board?.value else { return account.boards.first }
        return PinterestBoard.find(reference, in: account.boards)
    }

    /// An error when `override`'s `board:` is not one of `account`'s boards (by id or name); `nil` otherwise.
    public static func problem(account: Account, override: PostNetworkOverride?) -> Diagnostic? {
        guard let reference = override?.pinterest?.board, board(for: account, override: override) == nil else { return nil }
        let names = account.boards.map(\.name)
        return Diagnostic(
            .error, .valueInvalid,
            "pinterest/\(account.id.value): board '\(DiagnosticText.cut(reference.value))' is not one of the account's boards",
            at: reference.location,
            notes: Suggestion.notes(for: reference.value, in: names)
                + ["the account's boards: \(names.isEmpty ? "none" : names.joined(separator: ", ")) (accounts.yaml)"],
            network: .pinterest, account: account.id.value)
    }
}
