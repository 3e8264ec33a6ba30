import Foundation
import GlocalNetworks

/// The `--sandbox URL` option of the commands that talk to the networks.
enum SandboxEndpoints {
    /// The networks to talk to: the sandbox at `--sandbox URL`, or the real ones when `nil`.
    static func parse(_ text: String?) throws -> (endpoints: NetworkEndpoints, sandbox: URL?) {
        guard let text else { return (.production, nil) }
        guard let url = URL(string: text), url.scheme != nil, url.host != nil else {
            throw CommandFailure(message: "--sandbox '\(text)' is not a URL, e.g. http://127.0.0.1:8787")
        }
        return (.sandbox(baseURL: url), url)
    }
}
