/// Builds a variant's link: template variables, then UTM parameters for analytics.
public enum LinkBuilder {
    /// Appends `utm_source`, `utm_medium`, `utm_campaign` and `utm_content` unless the link already has UTM parameters.
    public static func addingUTM(to link: String, network: Network, campaign: String, account: String) -> String {
        let bytes = Array(link.utf8)
        if containsUTMSource(bytes) { return link }
        let fragment = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
        let hasQuery = bytes[..<fragment].contains(UInt8(ascii: "?"))
        let base = String(decoding: bytes[..<fragment], as: UTF8.self)
        let rest = String(decoding: bytes[fragment...], as: UTF8.self)
        return base + (hasQuery ? "&" : "?") + "utm_source=" + network.rawValue + "&utm_medium=social&utm_campaign="
            + campaign + "&utm_content=" + account + rest
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
