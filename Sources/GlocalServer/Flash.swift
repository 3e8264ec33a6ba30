import Foundation
import GlocalCore
import GlocalStore
import Hummingbird

/// What a form's successful answer leaves for the page it redirects to (Post/Redirect/Get): what it did ("Approved 3
/// variants."). The server writes it from what it did, never from the URL, so a link cannot make a page say "Approved
/// 12 variants."; a reload of that page shows the page without it. A refused form is not redirected: it is answered in
/// place (409 or 422) with the page, the reason, the changes since and the text typed, and a flash plays no part.
///
/// It travels in the `glocal_flash` cookie (`HttpOnly`, `SameSite=Lax`, one minute), signed with HMAC-SHA256 under
/// the session's own CSRF token, which nobody else holds, so it is the server's word for this session only; the page
/// it names shows it once and clears it. A flash larger than ``maximumCookieLength`` is not sent (no notice is that
/// long): the redirect then goes without a notice.
struct Flash: Codable, Equatable, Sendable {
    /// The path of the page that shows it (no query).
    var path: String
    /// What happened, in the server's words ("Approved 3 variants.").
    var notice: String?

    /// The cookie's name.
    static let cookieName = "glocal_flash"
    /// How long a flash waits for its page, in seconds: the redirect is followed at once.
    static let lifetime = 60
    /// The longest cookie value sent: browsers keep a cookie of 4,096 bytes with its name and attributes.
    static let maximumCookieLength = 3_600

    /// The flash for the page at `path`.
    init(path: String) { self.path = path }

    /// The cookie value: base64url of the JSON, a dot, and the hex HMAC-SHA256 of the JSON under `session`'s CSRF
    /// token; `nil` when it would be longer than ``maximumCookieLength``.
    func cookieValue(session: Session) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let json = try? encoder.encode(self) else { return nil }
        let bytes = Array(json)
        let value = Self.base64URL(json) + "." + Self.hex(HMACSHA256.code(for: bytes, key: Array(session.csrfToken.utf8)))
        return value.utf8.count <= Self.maximumCookieLength ? value : nil
    }

    /// The flash a cookie value holds, if `session` signed it; `nil` for anything else (another session's, altered,
    /// not a flash).
    init?(cookieValue value: String, session: Session) {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let json = Self.data(base64URL: String(parts[0])) else { return nil }
        let expected = HMACSHA256.code(for: Array(json), key: Array(session.csrfToken.utf8))
        guard HMACSHA256.constantTimeEquals(Array(Self.hex(expected).utf8), Array(parts[1].utf8)),
            let flash = try? JSONDecoder().decode(Flash.self, from: json)
        else { return nil }
        self = flash
    }

    /// A 303 to `location` (whose path is ``path``) carrying this flash; `nil` when it does not fit in a cookie.
    func redirect(to location: String, session: Session, secure: Bool) -> Response? {
        guard let value = cookieValue(session: session) else { return nil }
        var response = Layout.redirect(to: location)
        response.setCookie(Self.cookie(value, maxAge: Self.lifetime, secure: secure))
        return response
    }

    /// The flash cookie with `value`; `maxAge` 0 clears it.
    static func cookie(_ value: String, maxAge: Int, secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func data(base64URL text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
