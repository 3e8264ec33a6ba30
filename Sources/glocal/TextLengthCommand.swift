import ArgumentParser
import Foundation
import GlocalCore

/// `glocal text-length`: counts a text from standard input as one network does.
struct TextLengthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text-length",
        abstract: "Count the text on standard input as a network counts it; prints one JSON object.",
        discussion: "Prints {\"network\": ..., \"length\": N, \"limit\": L, \"valid\": true|false}; exits 0 either way.")

    @Option(help: "The network: \(Network.allCases.map(\.rawValue).joined(separator: ", ")).")
    var network: String

    @Option(help: "A character limit that replaces the network's default (a Mastodon instance's, say).")
    var maxCharacters: Int?

    @Flag(help: "Keep a final line break (by default one trailing newline from the shell is removed).")
    var keepTrailingNewline = false

    func validate() throws {
        guard Network(rawValue: network) != nil else {
            let suggestion = Network.suggestion(for: network).map { " (did you mean '\($0.rawValue)'?)" } ?? ""
            throw ValidationError(
                "unknown network '\(network)'\(suggestion); expected one of: \(Network.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        if let maxCharacters, maxCharacters <= 0 { throw ValidationError("--max-characters must be positive") }
    }

    func run() throws {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard var text = String(data: data, encoding: .utf8) else {
            throw CommandFailure(message: "standard input is not UTF-8 text")
        }
        if !keepTrailingNewline {
            if text.hasSuffix("\r\n") { text.removeLast() } else if text.hasSuffix("\n") { text.removeLast() }
        }
        print(TextLengthReport.json(for: text, network: Network(rawValue: network)!, maxCharacters: maxCharacters))
    }
}

/// The one-line JSON answer of `glocal text-length`.
enum TextLengthReport {
    static func json(for text: String, network: Network, maxCharacters: Int?) -> String {
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
