/// Builds a variant's link: template variables, then UTM parameters for analytics.
public enum LinkBuilder {
    /// The tagged link split around the account id (`head + account + tail`), so one link can be
    /// reused for every account of a locale; `nil` when the link already carries UTM parameters.
    public static func utmParts(of link: String, network: Network, campaign: String) -> (head: String, tail: String)? {
        let bytes = Array(link.utf8)
        let fragment = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
        let question = bytes[..<fragment].firstIndex(of: UInt8(ascii: "?"))
        let query = question.map { bytes[($0 + 1)..<fragment] } ?? []
        if hasUTMSource(query) { return nil }
        let base = String(decoding: bytes[..<fragment], as: UTF8.self)
        let rest = String(decoding: bytes[fragment...], as: UTF8.self)
        // After `?`: nothing when the query is empty (`…/x?`) or already ends with `&`; else `&`.
        let joiner = question == nil ? "?" : (query.isEmpty || query.last == UInt8(ascii: "&") ? "" : "&")
        let head =
            base + joiner + "utm_source=" + network.rawValue + "&utm_medium=social&utm_campaign=" + campaign
            + "&utm_content="
        return (head, rest)
    }

    /// Whether a parameter of `query` (the bytes between `?` and `#`) is named `utm_source`, in any case: the link
    /// is tagged already. A name merely containing it (`xutm_source`), a path or a fragment does not count.
    private static func hasUTMSource(_ query: ArraySlice<UInt8>) -> Bool {
        query.split(separator: UInt8(ascii: "&")).contains { parameter in
            let name = parameter.prefix { $0 != UInt8(ascii: "=") }
            return name.count == marker.count
                && zip(name, marker).allSatisfy { ((0x41...0x5A).contains($0) ? $0 | 0x20 : $0) == $1 }
        }
    }

    private static let marker = Array("utm_source".utf8)
}
