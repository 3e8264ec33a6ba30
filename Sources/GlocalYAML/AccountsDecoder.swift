import GlocalCore
import Yams

/// Decodes `accounts.yaml`.
enum AccountsDecoder {
    static let keys = [
        "id", "network", "handle", "locale", "timezone", "city", "country", "tags", "credentials", "instance",
        "max_characters", "boards", "location", "unaudited",
    ]

    static func decode(_ root: Node?, context: DecodeContext) -> [Account] {
        guard let root else {
            context.collector.error(
                .keyMissing, "accounts.yaml is empty: it needs an 'accounts' list",
                at: SourceLocation(file: context.file, line: 1, column: 1))
            return []
        }
        guard let map = context.mapping(root, what: "accounts.yaml", allowed: ["accounts"], required: ["accounts"]),
            let list = map.value("accounts")
        else { return [] }
        guard case let .sequence(items) = list else {
            context.typeMismatch(list, expected: "a list of accounts", for: "accounts")
            return []
        }
        return items.compactMap { decodeAccount($0, context: context) }
    }

    private static func decodeAccount(_ node: Node, context: DecodeContext) -> Account? {
        let label = node.mapping?["id"]?.string.map { "account '\(DiagnosticText.cut($0))'" } ?? "account"
        guard
            let map = context.mapping(
                node, what: label, allowed: keys, required: ["id", "network", "handle", "locale"], for: "accounts")
        else { return nil }
        guard let id = context.slug(map.string("id"), what: "account id"), let locale = map.string("locale") else {
            return nil
        }
        let networkText = map.string("network")
        let network = context.network(networkText)
        let handle = map.string("handle")?.value ?? ""
        let maxCharacters = context.number(
            map.int("max_characters"), in: NumberRanges.maxCharacters, what: "max_characters",
            notes: ["the account's own text limit, e.g. 5000 on a Mastodon instance that allows longer posts"])?.value
        if let instance = map.string("instance"), !LinkChecks.isAbsoluteHTTPURL(instance.value) {
            context.collector.error(
                .linkInvalid,
                "instance '\(DiagnosticText.cut(instance.value))' must be an absolute URL (https://, or http:// for a local server)",
                at: instance.location,
                notes: ["for example https://mastodon.social"])
        }
        let tags = (map.strings("tags") ?? []).compactMap { context.slug($0, what: "tag") }
        var account = Account(
            id: id, network: network?.value, networkLocation: networkText?.location ?? map.location, handle: handle,
            locale: locale, timeZone: context.timeZone(map.string("timezone")), city: map.string("city")?.value,
            country: map.string("country")?.value, tags: tags, credentials: map.string("credentials")?.value,
            instance: map.string("instance")?.value, maxCharacters: maxCharacters,
            unaudited: map.bool("unaudited")?.value ?? false)
        NetworkAccountFieldsDecoder.decode(map, into: &account, context: context)
        return account
    }
}
