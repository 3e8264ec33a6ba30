import GlocalCore
import GlocalDispatch
import GlocalNetworks

/// How the CLI names where a post went: published on its network by a native client, or only
/// handed to a webhook (a network without a native client; none of glocal's today), which is not a publication there.
public enum DeliveryWording {
    /// The label of a sent post on a network without a native client.
    public static let sentToWebhook = "sent to webhook"

    /// Whether glocal publishes on `network` itself (otherwise a webhook receives its posts).
    public static func hasNativeClient(_ network: Network) -> Bool { NetworkClients.supported.contains(network) }

    /// The report's outcome as printed: "sent to webhook" instead of "published" for a webhook network.
    public static func outcome(of report: JobReport) -> String {
        report.outcome == "published" && !hasNativeClient(report.network) ? sentToWebhook : report.outcome
    }
}
