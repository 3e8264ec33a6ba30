import Foundation

/// Why connecting an account stopped; nothing is stored. Each says what happened and what to do, never a token.
public enum ConnectRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The callback came without a `state`.
    case stateMissing
    /// No connection was started with this `state`, or it was used already (a state serves once).
    case stateUnknown
    /// The connection was started in another browser session.
    case otherSession
    /// The connection was started too long ago.
    case expired(minutes: Int)
    /// The connection was started by a node whose clock is ahead of this one's (by about this many minutes).
    case fromTheFuture(minutes: Int)
    /// The callback names another network than the one the connection was started for.
    case networkMismatch(expected: String, got: String)
    /// The person declined on the network's page (`error=access_denied`), or the network reported another error.
    case denied(error: String, description: String?)
    /// The network granted fewer scopes than glocal needs.
    case scopesMissing([String])
    /// The network account signed in is not the one accounts.yaml declares.
    case wrongIdentity(expected: String, got: String)
    /// The callback has no code.
    case codeMissing
    /// The network refused the code exchange or the identity lookup (expired or reused code, a wrong redirect URI…).
    case exchangeFailed(String)
    /// No app credentials are configured for the network.
    case noAppCredentials(network: String, variables: [String])
    /// glocal knows no flow for the network, or the account's network has another flow.
    case unsupported(String)
    /// What was given for a Bluesky app password does not have an app password's form (it may be the account's own
    /// password): nothing was sent.
    case notAnAppPassword

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .stateMissing:
            return
                "the network's answer has no state: start the connection again (Connect on the accounts page, or glocal account connect)"
        case .stateUnknown:
            return
                "this sign-in answer is unknown or was used already (each one serves once): start the connection again (Connect on the accounts page, or glocal account connect)"
        case .otherSession:
            return
                "this sign-in was started in another session: start the connection again (Connect on the accounts page, or glocal account connect)"
        case .expired(let minutes):
            return
                "this sign-in was started more than \(minutes) minutes ago: start the connection again (Connect on the accounts page, or glocal account connect)"
        case .fromTheFuture(let minutes):
            return "this sign-in was started by a glocal whose clock is about \(minutes) minutes ahead of this one's "
                + "(another node, or another --now): give every node the same clock, then start the connection again"
        case .networkMismatch(let expected, let got): return "this sign-in was started for \(expected), not \(got)"
        case .denied(let error, let description):
            if error == "access_denied" { return "access was denied on the network's page; nothing was stored" }
            return "the network answered \(error)\(description.map { ": \($0)" } ?? ""); nothing was stored"
        case .scopesMissing(let scopes):
            return "the network granted too little: missing \(scopes.joined(separator: ", ")); allow every permission asked for"
        case .wrongIdentity(let expected, let got):
            return "signed in as '\(got)', but accounts.yaml declares '\(expected)': sign in as '\(expected)' on the network"
        case .codeMissing: return "the network's answer has no authorization code"
        case .exchangeFailed(let reason): return "the network refused the sign-in: \(reason)"
        case .noAppCredentials(let network, let variables):
            return "no \(network) app is configured: set \(variables.joined(separator: " and "))"
        case .unsupported(let reason): return reason
        case .notAnAppPassword:
            return "this is not a Bluesky app password (four groups of four lowercase letters or digits, "
                + "xxxx-xxxx-xxxx-xxxx); nothing was sent: make one in Bluesky (Settings → Privacy and security → "
                + "App passwords) and enter it, never the account's own password"
        }
    }
}
