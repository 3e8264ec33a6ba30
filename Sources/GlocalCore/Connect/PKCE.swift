import Foundation

/// Proof Key for Code Exchange (RFC 7636) with the `S256` method: a random verifier kept by glocal, its SHA-256 sent
/// with the authorization request, the verifier itself with the code exchange.
public struct PKCE: Sendable, Equatable {
    /// The code verifier: 43 to 128 characters of `[A-Za-z0-9-._~]`.
    public let verifier: String

    /// Why a verifier is refused.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// Shorter than 43 or longer than 128 characters.
        case length(Int)
        /// A character outside `[A-Za-z0-9-._~]`.
        case character(Character)

        /// A one-line explanation.
        public var description: String {
            switch self {
            case .length(let count): return "a PKCE code verifier has 43 to 128 characters, not \(count)"
            case .character(let character): return "a PKCE code verifier may not contain '\(character)'"
            }
        }
    }

    /// A verifier from `verifier`, checked against RFC 7636 section 4.1.
    public init(verifier: String) throws {
        guard (43...128).contains(verifier.count) else { throw Problem.length(verifier.count) }
        if let bad = verifier.first(where: { !Self.allowed($0) }) { throw Problem.character(bad) }
        self.verifier = verifier
    }

    /// A verifier made of 32 random bytes (base64url, 43 characters), the size RFC 7636 recommends.
    public init(randomBytes bytes: [UInt8]) {
        precondition(bytes.count >= 32, "PKCE needs at least 32 random bytes")
        verifier = Self.base64URL(bytes)
    }

    /// The `code_challenge` for `code_challenge_method=S256`: base64url(SHA-256(verifier)), without padding.
    public var challenge: String { Self.challenge(of: verifier) }

    /// The S256 challenge of any verifier (the sandbox checks a verifier against the challenge it was given).
    public static func challenge(of verifier: String) -> String { base64URL(SHA256Digest.digest(Array(verifier.utf8))) }

    /// `bytes` in base64url without padding.
    public static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func allowed(_ character: Character) -> Bool {
        guard character.isASCII else { return false }
        return character.isLetter || character.isNumber || "-._~".contains(character)
    }
}
