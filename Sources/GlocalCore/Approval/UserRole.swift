/// What a user of the approval UI may do.
public enum UserRole: String, Sendable, CaseIterable, Codable {
    /// The brand team: sees and acts on every account.
    case admin
    /// A local manager: sees and acts on the accounts of their teams in glocal.yaml only.
    case manager
    /// Reads everything, changes nothing.
    case viewer
}
