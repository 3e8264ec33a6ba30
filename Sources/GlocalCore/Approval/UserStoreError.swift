/// Why a user or session operation was refused. Messages never contain passwords or tokens.
public enum UserStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A user with this e-mail address exists already.
    case duplicateUser(String)
    /// No user with this e-mail address.
    case userNotFound(String)
    /// The address is not an e-mail address.
    case invalidEmail(String)
    /// The password is too short.
    case weakPassword(minimumLength: Int)
    /// The password is only blanks (spaces, tabs…).
    case blankPassword

    /// A one-line explanation for the command line.
    public var description: String {
        switch self {
        case .duplicateUser(let email): return "a user '\(email)' exists already"
        case .userNotFound(let email): return "no user '\(email)'"
        case .invalidEmail(let email):
            return "'\(email)' is not an e-mail address glocal accepts"
                + (EmailAddress.problem(in: email).map { ": " + $0 } ?? "")
        case .weakPassword(let length): return "the password must have at least \(length) characters"
        case .blankPassword: return "the password must not be only blanks"
        }
    }
}
