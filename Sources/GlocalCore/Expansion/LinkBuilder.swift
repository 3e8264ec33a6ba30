/// Builds a variant's link: template variables, then UTM parameters for analytics.
public enum LinkBuilder {
    /// Appends `utm_source`, `utm_medium`, `utm_campaign` and `utm_content` unless the link already has UTM parameters.
    public static func addingUTM(to link: String, network: Network, campaign: String, account: String) -> String {
        if link.contains("utm_source=") { return link }
        let fragmentStart = link.firstIndex(of: "#") ?? link.endIndex
        let base = link[..<fragmentStart]
        let separator = base.contains("?") ? "&" : "?"
        let query = "utm_source=\(network.rawValue)&utm_medium=social&utm_campaign=\(campaign)&utm_content=\(account)"
        return base + separator + query + link[fragmentStart...]
    }
}
