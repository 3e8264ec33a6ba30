import GlocalCore

/// The one-line JSON answer of `glocal text-length`.
public enum TextLengthReport {
    /// `text` measured as `network` counts it (with `maxCharacters` replacing its limit), as one JSON object.
    public static func json(for text: String, network: Network, maxCharacters: Int?) -> String {
        var rules = NetworkRules.forNetwork(network)
        if let maxCharacters { rules.maxTextLength = maxCharacters }
        let measurement = TextCounter.measure(text, rules: rules)
        var fields = [
            "\"network\":\"\(network.rawValue)\"", "\"length\":\(measurement.length)", "\"limit\":\(measurement.limit)",
        ]
        if let bytes = measurement.bytes, let byteLimit = measurement.byteLimit {
            fields += ["\"bytes\":\(bytes)", "\"byteLimit\":\(byteLimit)"]
        }
        fields.append("\"valid\":\(measurement.isValid)")
        return "{" + fields.joined(separator: ",") + "}"
    }
}
