import GlocalCore
import Yams

/// Decodes the account keys that belong to one network: a Pinterest account's `boards` and a Google Business Profile
/// account's `location`, each required on its network and refused on the others.
enum NetworkAccountFieldsDecoder {
    static let boardKeys = ["id", "name"]

    static func decode(_ map: MappingReader, into account: inout Account, context: DecodeContext) {
        let network = account.network
        if let node = map.value("boards") {
            if network == .pinterest {
                account.boards = decodeBoards(node, context: context)
            } else if let network {
                refuse("boards", of: .pinterest, at: map.keyLocation("boards") ?? map.location, on: network, context: context)
            }
        } else if network == .pinterest {
            context.collector.error(
                .keyMissing, "Pinterest account '\(DiagnosticText.cut(account.id.value))' has no 'boards'",
                at: account.id.location,
                notes: [
                    "pins are created on a board: list the account's boards, e.g. boards: [{id: \"1022106146619306511\", name: \"Skincare\"}]"
                ])
        }
        if let text = map.string("location") {
            if network == .googleBusiness {
                if isLocationName(text.value) {
                    account.businessLocation = text
                } else {
                    context.collector.error(
                        .valueInvalid, "location '\(DiagnosticText.cut(text.value))' is not a Business Profile location name",
                        at: text.location,
                        notes: [
                            "write it as accounts/{account id}/locations/{location id}, e.g. accounts/1098765432101234567/locations/4567890123456789012"
                        ])
                }
            } else if let network {
                refuse(
                    "location", of: .googleBusiness, at: map.keyLocation("location") ?? text.location, on: network,
                    context: context)
            }
        } else if network == .googleBusiness {
            context.collector.error(
                .keyMissing, "Google Business Profile account '\(DiagnosticText.cut(account.id.value))' has no 'location'",
                at: account.id.location,
                notes: ["posts go to one location: location: accounts/{account id}/locations/{location id}"])
        }
    }

    /// Whether `text` is `accounts/{digits}/locations/{digits}`.
    static func isLocationName(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "accounts", parts[2] == "locations" else { return false }
        return [parts[1], parts[3]].allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    private static func refuse(
        _ key: String, of owner: Network, at location: SourceLocation, on network: Network, context: DecodeContext
    ) {
        context.collector.error(
            .keyUnknown,
            "'\(DiagnosticText.cut(key))' is only for \(owner.displayName) accounts, this one is on \(network.displayName)",
            at: location, notes: ["remove '\(DiagnosticText.cut(key))', or set 'network: \(owner.rawValue)'"])
    }

    private static func decodeBoards(_ node: Node, context: DecodeContext) -> [PinterestBoard] {
        guard case let .sequence(items) = node, !items.isEmpty else {
            context.typeMismatch(node, expected: "a non-empty list of boards ({id, name})", for: "boards")
            return []
        }
        var boards: [PinterestBoard] = []
        for item in items {
            guard let board = context.mapping(item, what: "board", allowed: boardKeys, required: boardKeys, for: "boards"),
                let id = board.string("id"), let name = board.string("name")
            else { continue }
            guard !id.value.isEmpty, id.value.count <= 20, id.value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                context.collector.error(
                    .valueInvalid, "board id '\(DiagnosticText.cut(id.value))' is not a Pinterest board id", at: id.location,
                    notes: ["a board id is the digits Pinterest gives the board (GET /v5/boards lists them)"])
                continue
            }
            if let twin = boards.first(where: { $0.id == id.value || $0.name.lowercased() == name.value.lowercased() }) {
                context.collector.error(
                    .valueInvalid,
                    "board '\(DiagnosticText.cut(name.value))' (\(id.value)) repeats board '\(twin.name)' (\(twin.id))",
                    at: name.location, notes: ["each board id and name appears once, so that 'board:' names one board"])
                continue
            }
            boards.append(PinterestBoard(id: id.value, name: name.value))
        }
        return boards
    }
}
