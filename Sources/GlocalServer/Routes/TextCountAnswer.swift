import Foundation
import GlocalCore

/// The live counter's answer: the count as the network counts it against its limit, the text's UTF-8 bytes (with
/// their limit where the network limits them), and each problem in plain words with its rule id and the validator's
/// own message.
struct TextCountAnswer: Encodable {
    struct Problem: Encodable {
        var rule: String
        var severity: String
        var message: String
        var detail: String
    }

    var network: String
    var count: Int
    var limit: Int
    var bytes: Int
    var byteLimit: Int?
    var method: String
    var problems: [Problem]

    private enum CodingKeys: String, CodingKey {
        case network, count, limit, bytes, method, problems
        case byteLimit = "byte_limit"
    }

    /// The count of `text` on `network` (with an account's own limit) and the problems `diagnostics` report.
    init(network: Network, text: String, maxCharacters: Int?, diagnostics: [Diagnostic]) {
        var rules = NetworkRules.forNetwork(network)
        if let maxCharacters { rules.maxTextLength = maxCharacters }
        let measurement = TextCounter.measure(text, rules: rules)
        self.network = network.rawValue
        count = measurement.length
        limit = measurement.limit
        bytes = measurement.bytes ?? text.utf8.count
        byteLimit = measurement.byteLimit
        method = PreviewView.countingMethod(network)
        problems = Diagnostic.sortedForOutput(diagnostics).map {
            Problem(
                rule: $0.rule, severity: $0.severity.rawValue, message: ProblemWording.plain($0, measurement: measurement),
                detail: $0.message)
        }
    }

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
