import GlocalCore
import Yams

/// Decodes `api_versions:` in `glocal.yaml`: `{ linkedin: "202606", facebook: "v25.0" }`, one key per network
/// (Facebook and Instagram both speak Graph but are pinned one by one, so a team can move one network at a time).
enum APIVersionsDecoder {
    static func decode(_ node: Node, context: DecodeContext) -> APIVersionPins {
        guard let map = context.mapping(node, what: "api_versions", allowed: [], for: "api_versions") else { return .none }
        var pins = APIVersionPins()
        let pinnable = Network.allCases.filter(APIVersionTable.isPinnable)
        for entry in map.entries {
            let keyText = Located(entry.key, at: context.location(of: entry.keyNode))
            guard let network = context.network(keyText)?.value else { continue }
            guard let name = context.string(entry.value, for: entry.key) else { continue }
            switch APIVersionTable.lookUp(name.value, for: network) {
            case .known(let version):
                pins.pinned[network] = Located(version, at: name.location)
            case .malformed(let expected):
                context.collector.error(
                    .apiVersionInvalid, "'\(DiagnosticText.cut(name.value))' is not a \(network.displayName) API version",
                    at: name.location, notes: ["write it as \(expected)"])
            case .unknown(let known):
                context.collector.error(
                    .apiVersionInvalid,
                    "glocal does not know \(APIFamily.of(network).displayName) \(name.value): it cannot tell when it ends",
                    at: name.location, notes: ["known versions: \(known.joined(separator: ", "))"])
            case .notPinnable:
                let version = APIVersionTable.defaultVersion(for: network)
                context.collector.error(
                    .apiVersionInvalid,
                    "\(network.displayName)'s API version cannot be pinned: glocal speaks \(version.label)",
                    at: keyText.location,
                    notes: ["api_versions takes: \(pinnable.map(\.rawValue).joined(separator: ", "))"])
            }
        }
        return pins
    }
}
