/// One board of a Pinterest account (`boards:` in accounts.yaml): pins are created on a board.
public struct PinterestBoard: Sendable, Equatable {
    /// The board's id on Pinterest (digits), sent as `board_id`.
    public var id: String
    /// The board's name, as campaigns may name it in `board:`.
    public var name: String

    /// Creates a board.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    /// The board of `boards` that `reference` names, by id or by name (names compared without case); `nil` if none.
    public static func find(_ reference: String, in boards: [PinterestBoard]) -> PinterestBoard? {
        boards.first { $0.id == reference } ?? boards.first { $0.name.lowercased() == reference.lowercased() }
    }
}
