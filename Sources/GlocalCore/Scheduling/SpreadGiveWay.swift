/// How much of the spread has given way for one search: the sibling gap first, then same-minute posts
/// of a network. The fleet limit and every rule of the account itself never give way.
public enum SpreadGiveWay: Int, Sendable, Comparable {
    /// Every spread rule holds.
    case none
    /// Sibling accounts may be closer than `sibling_gap`.
    case siblingGap
    /// Also, posts of one network may share a minute.
    case sameMinute

    /// Ordered by how much gave way.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
