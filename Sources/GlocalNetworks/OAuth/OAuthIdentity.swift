import Foundation
import GlocalCore

/// Who signed in, as the network's identity answer says: one account, or (Facebook pages, LinkedIn organizations)
/// the several the person manages, among which glocal picks the one accounts.yaml declares.
public struct OAuthIdentity: Sendable, Equatable {
    /// One account the token may act for.
    public struct Candidate: Sendable, Equatable {
        /// Its handle (username, page username, organization URN).
        public var handle: String
        /// Its numeric id, if given.
        public var id: String?
        /// Its name, if given.
        public var name: String?
        /// The page's own token (Facebook's `me/accounts`), if given.
        public var pageToken: String?
    }

    /// The accounts, in the network's order.
    public var candidates: [Candidate]

    /// Every handle, id and name, for the refusal's wording and the match.
    public var handles: [String] { candidates.map(\.handle) }

    /// The candidate accounts.yaml's `handle` names (by handle, id or name), if any.
    public func matching(_ declared: String, instance: URL?) -> Candidate? {
        candidates.first { candidate in
            let names = [candidate.handle] + [candidate.id, candidate.name].compactMap { $0 }
            return IdentityMatch.check(declared: declared, returned: names, instance: instance) == nil
                || names.contains { IdentityMatch.check(declared: declared, returned: [$0], instance: instance) == nil }
        }
    }

    /// Reads the candidates at `field` (`data.username`; a number in the path, `data.0.username`, means every element
    /// of that array).
    public static func read(_ body: Data, field: String) -> OAuthIdentity {
        let parts = field.split(separator: ".").map(String.init)
        var objects = [JSON(data: body)]
        for part in parts.dropLast() {
            objects = objects.flatMap { json -> [JSON] in Int(part) != nil ? json.array : [json[part]] }
        }
        let key = parts.last ?? "username"
        let candidates = objects.compactMap { object -> Candidate? in
            let id = object["id"].string ?? object["id"].int.map(String.init)
            let name = object["name"].string ?? object["localizedName"].string
            guard let handle = object[key].string ?? name ?? id else { return nil }
            return Candidate(handle: handle, id: id, name: name, pageToken: object["access_token"].string)
        }
        return OAuthIdentity(candidates: candidates)
    }
}
