/// What a password of the approval UI must be, the same for every store: at least ``minimumLength`` characters, and
/// not only blanks (ten spaces are typed by mistake, and guessed first).
public enum PasswordRule {
    /// The shortest password accepted, in characters.
    public static let minimumLength = 10

    /// Why `password` is refused, or `nil` when it is accepted.
    public static func problem(in password: String) -> UserStoreError? {
        if password.count < minimumLength { return .weakPassword(minimumLength: minimumLength) }
        if password.unicodeScalars.allSatisfy(\.properties.isWhitespace) { return .blankPassword }
        return nil
    }
}
