/// How glocal delivers a network's posts: published there by a client of its own, or only handed to the
/// webhook stand-in, which is not a publication on that network.
public enum NetworkDelivery: String, Sendable, CaseIterable {
    /// A native client publishes on the network.
    case native
    /// A webhook receiver of the workspace's own gets the post; glocal does not publish it on the network.
    case webhook

    /// How `network`'s posts are delivered (GlocalNetworks' `NetworkClients.supported` lists the native ones).
    public static func of(_ network: Network) -> NetworkDelivery {
        switch network {
        case .x, .bluesky, .mastodon, .threads, .linkedin, .facebook, .instagram, .youtube, .tiktok, .pinterest,
            .googleBusiness:
            return .native
        }
    }

    /// The words for a sent post: "published", or "sent to webhook" when the network has no native client.
    public var sentLabel: String {
        switch self {
        case .native: return "published"
        case .webhook: return "sent to webhook"
        }
    }

    /// A variant state for people (`pending approval`); `published` reads "sent to webhook" for a webhook network.
    public static func stateLabel(_ state: String, network: Network?) -> String {
        if state == VariantState.published.rawValue, let network { return of(network).sentLabel }
        return state.replacingOccurrences(of: "_", with: " ")
    }
}
