import GlocalCore

/// A network's icon as a small text badge in the network's colour, named for screen readers
/// (`role="img"` with the network's name): no external asset, readable without colour.
enum NetworkBadge {
    /// The badge of `network`.
    static func html(_ network: Network) -> HTML {
        let name = network.displayName
        return """
            <span class="net net-\(network.rawValue)" role="img" aria-label="\(name)" title="\(name)">\(glyph(network))</span>
            """
    }

    /// The letters on the badge.
    static func glyph(_ network: Network) -> String {
        switch network {
        case .x: return "X"
        case .bluesky: return "Bs"
        case .mastodon: return "M"
        case .threads: return "@"
        case .linkedin: return "in"
        case .facebook: return "f"
        case .instagram: return "Ig"
        case .youtube: return "▶"
        case .tiktok: return "♪"
        case .pinterest: return "P"
        case .googleBusiness: return "G"
        }
    }
}
