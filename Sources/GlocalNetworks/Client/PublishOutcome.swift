import Foundation
import GlocalCore

/// The closed set of things that can come of a call to a network.
public enum PublishOutcome: Sendable, Equatable, CustomStringConvertible {
    /// The post is live.
    case published(PublishReceipt)
    /// The network says it already has this post; the receipt is the existing post when it could be found.
    case duplicate(PublishReceipt?)
    /// Too many calls; retry at `until` (from the network's headers) or, when `nil`, with backoff.
    case rateLimited(until: Date?)
    /// The token is dead: hold the account's jobs until a person reconnects it.
    case reconnectRequired(String)
    /// The network refuses this content; retrying will not help.
    case invalidContent(String)
    /// A passing failure (5xx, no connection): retry with backoff.
    case transient(String)
    /// A failure that retrying will not fix.
    case permanent(String)
    /// The request may or may not have taken effect (timeout, dropped connection): reconcile with `lookUp` first.
    case unknown(String)

    /// A short label and reason; never a token.
    public var description: String {
        switch self {
        case .published(let receipt): return "published \(receipt.remoteID)"
        case .duplicate(let receipt): return "duplicate of \(receipt?.remoteID ?? "an existing post")"
        case .rateLimited(let until):
            return "rate limited until \(until.map { ISO8601DateFormatter().string(from: $0) } ?? "unknown")"
        case .reconnectRequired(let reason): return "reconnect required: \(reason)"
        case .invalidContent(let reason): return "invalid content: \(reason)"
        case .transient(let reason): return "transient failure: \(reason)"
        case .permanent(let reason): return "permanent failure: \(reason)"
        case .unknown(let reason): return "outcome unknown: \(reason)"
        }
    }

    /// The reset of a `.rateLimited` outcome, when the network gave one after `now` (a link reply
    /// refused with 429 after the post went out: the account's quota is spent until then).
    func rateLimitReset(after now: Date) -> Date? {
        guard case .rateLimited(let until?) = self, until > now else { return nil }
        return until
    }

    /// The same outcome with `secrets` removed from its reason.
    func redacting(_ secrets: [String]) -> PublishOutcome {
        let clean = { SecretRedactor.redact($0, secrets: secrets) }
        switch self {
        case .published, .duplicate, .rateLimited: return self
        case .reconnectRequired(let reason): return .reconnectRequired(clean(reason))
        case .invalidContent(let reason): return .invalidContent(clean(reason))
        case .transient(let reason): return .transient(clean(reason))
        case .permanent(let reason): return .permanent(clean(reason))
        case .unknown(let reason): return .unknown(clean(reason))
        }
    }
}
