import ArgumentParser
import Foundation
import GlocalCore
import GlocalUseCases

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

    /// The most standard input read: a workspace file's limit (a post's filled-in text is far smaller).
    static let inputLimit = 16 * 1_048_576

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
        // Read in pieces, to a limit: `< /dev/zero` must end with a message, not fill the memory.
        var data = Data()
        while case let piece = FileHandle.standardInput.availableData, !piece.isEmpty {
            data.append(piece)
            guard data.count <= Self.inputLimit else {
                throw CommandFailure(
                    message: "standard input is over \(Self.inputLimit / 1_048_576) MiB; text-length counts one post's text")
            }
        }
        // Not Foundation's String(data:encoding:), which drops a leading U+FEFF: X counts it and refuses it.
        guard var text = String(validating: data, as: UTF8.self) else {
            throw CommandFailure(message: "standard input is not UTF-8 text")
        }
        if !keepTrailingNewline {
            if text.hasSuffix("\r\n") { text.removeLast() } else if text.hasSuffix("\n") { text.removeLast() }
        }
        print(TextLengthReport.json(for: text, network: Network(rawValue: network)!, maxCharacters: maxCharacters))
    }
}
