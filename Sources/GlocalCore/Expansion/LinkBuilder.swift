/// Builds a variant's link: template variables, then UTM parameters for analytics.
public enum LinkBuilder {
    /// The tagged link split around the account id (`head + account + tail`), so one link can be
    /// reused for every account of a locale; `nil` when the link already carries UTM parameters.
    public static func utmParts(of link: String, network: Network, campaign: String) -> (head: String, tail: String)? {
        let bytes = Array(link.utf8)
        if containsUTMSource(bytes) { return nil }
        let fragment = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
        let hasQuery = bytes[..<fragment].contains(UInt8(ascii: "?"))
        let base = String(decoding: bytes[..<fragment], as: UTF8.self)
        let rest = String(decoding: bytes[fragment...], as: UTF8.self)
        let head =
            base + (hasQuery ? "&" : "?") + "utm_source=" + network.rawValue + "&utm_medium=social&utm_campaign="
            + campaign + "&utm_content="
        return (head, rest)
    }

    private static let marker = Array("utm_source=".utf8)

    private static func containsUTMSource(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= marker.count else { return false }
        for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
            if bytes[start..<(start + marker.count)].elementsEqual(marker) { return true }
        }
        return false
    }
}
