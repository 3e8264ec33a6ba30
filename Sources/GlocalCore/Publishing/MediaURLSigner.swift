import Foundation

/// Signs and checks the media URLs glocal gives networks that fetch a post's image or video themselves
/// (`…/media/PATH?expires=UNIX&sig=HEX`): `sig` is HMAC-SHA256, under a key derived from the workspace's secret key,
/// over the workspace path and the expiry, so a network can fetch exactly that file until then without a session.
public struct MediaURLSigner: Sendable {
    /// The label the signing key is derived from the workspace's secret key with (HKDF `info`); never the key itself.
    public static let keyLabel = "glocal media URL signing v1"
    /// How long a signed URL stays valid by default: networks fetch within minutes, TikTok's pull can take longer.
    public static let defaultLifetime: TimeInterval = 24 * 3_600
    /// Expiries are rounded up to this many seconds, so a post retried within the hour carries the same URL.
    public static let expiryStep: Int64 = 3_600

    /// The derived signing key.
    private let key: [UInt8]
    /// How long a URL signed now stays valid (at least; at most one `expiryStep` longer).
    public let lifetime: TimeInterval

    /// A signer with the derived `key` (at least 32 bytes); URLs signed now stay valid for `lifetime`.
    public init(key: [UInt8], lifetime: TimeInterval = defaultLifetime) {
        precondition(key.count >= 32, "a media URL key has at least 32 bytes")
        self.key = key
        self.lifetime = lifetime
    }

    /// The expiry of a URL signed at `now`: `now + lifetime`, rounded up to the next `expiryStep`.
    public func expiry(signedAt now: Date) -> Int64 {
        let end = Int64((now.timeIntervalSince1970 + lifetime).rounded(.up))
        return (end + Self.expiryStep - 1) / Self.expiryStep * Self.expiryStep
    }

    /// The signature, 64 lowercase hexadecimal digits, of the workspace `path` (as the file is named, not
    /// percent-encoded) valid until `expires` (Unix seconds).
    public func signature(path: String, expires: Int64) -> String {
        Self.hex(mac(path: path, expires: expires))
    }

    /// `url` (the file's public URL) with `expires` and `sig` added for `path`, valid from `now` for `lifetime`.
    public func signedURL(_ url: URL, path: String, now: Date) -> URL {
        let expires = expiry(signedAt: now)
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        components.queryItems =
            (components.queryItems ?? []) + [
                URLQueryItem(name: "expires", value: String(expires)),
                URLQueryItem(name: "sig", value: signature(path: path, expires: expires)),
            ]
        return components.url ?? url
    }

    /// Whether `expires` and `signature` (as they came in the query) let a request fetch `path` at `now`.
    /// The signature is compared in constant time, and before the expiry, so a stale URL says nothing about the key.
    public func check(path: String, expires: String?, signature: String?, now: Date) -> MediaURLCheck {
        guard let expires, let signature else { return .missing }
        guard expires.utf8.count <= 19, !expires.isEmpty, expires.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let seconds = Int64(expires), let given = Self.bytes(hex: signature), given.count == 32
        else { return .malformed }
        guard HMACSHA256.constantTimeEquals(given, mac(path: path, expires: seconds)) else { return .mismatch }
        return Double(seconds) > now.timeIntervalSince1970 ? .valid : .expired
    }

    /// The code over `path`, a newline and `expires` (digits only, so the last newline splits them unambiguously).
    private func mac(path: String, expires: Int64) -> [UInt8] {
        HMACSHA256.code(for: Array("\(path)\n\(expires)".utf8), key: key)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes { text += [digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]] }
        return String(decoding: text, as: UTF8.self)
    }

    static func bytes(hex text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case 0x30...0x39: return digit - 0x30
            case 0x61...0x66: return digit - 0x61 + 10
            case 0x41...0x46: return digit - 0x41 + 10
            default: return nil
            }
        }
        var bytes = [UInt8]()
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }
}
