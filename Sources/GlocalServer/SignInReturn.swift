import Foundation
import GlocalCore

/// Where a sign-in leads back to: the page a signed-out reader asked for (`/login?next=/variants/…`), so a
/// manager whose session expired lands where they were, never anywhere but a path of this server.
enum SignInReturn {
    /// The sign-in page's address for a signed-out `GET` of `path` (with its `query`): `/login`, with `next` naming
    /// the page unless it is the queue itself.
    static func loginLocation(path: String, query: String?) -> String {
        let target = path + (query.map { $0.isEmpty ? "" : "?" + $0 } ?? "")
        guard target != "/", safe(target) != "/" else { return "/login" }
        return "/login?next=" + PercentEncoding.component(target)
    }

    /// `next` when it is a path of this server (one `/` then not `/` or `\`, no scheme, no control or white-space
    /// character), else the queue: a link to `/login?next=https://elsewhere` leads nowhere else. A character outside
    /// ASCII is percent-encoded (`/campaigns/été` → `/campaigns/%C3%A9t%C3%A9`): a `Location` header is ASCII.
    static func safe(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), next.count <= 2048 else { return "/" }
        let second = next.dropFirst().first
        guard second != "/", second != "\\" else { return "/" }
        guard !next.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F })
        else { return "/" }
        guard !next.hasPrefix("/login") else { return "/" }
        return asciiOnly(next)
    }

    private static func asciiOnly(_ path: String) -> String {
        var result = ""
        for scalar in path.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { result += "%" + String(byte, radix: 16, uppercase: true) }
            }
        }
        return result
    }
}
