/// The parts of a `postgres://[USER[:PASSWORD]@]HOST[:PORT]/DATABASE[?NAME=VALUE&…]` URL, split as libpq splits
/// them and each percent-decoded exactly once (RFC 3986: `%25` is `%`, and `%41` stays `%41` once decoded from
/// `%2541`). A problem is told by the part it is in, never by its text: the password must not be shown.
struct PostgresURLParts {
    /// The user name, if the URL gives one.
    var user: String?
    /// The password, if the URL gives one.
    var password: String?
    /// The host (an IPv6 address without its brackets); empty when the URL gives none.
    var host: String
    /// The port, if the URL gives one.
    var port: Int?
    /// The database's name.
    var database: String
    /// The query's parameters in their order, names and values decoded.
    var parameters: [(name: String, value: String)]

    /// Reads `text`, a URL with the scheme `postgres://` or `postgresql://` (in any case).
    init(_ text: String) throws {
        let shown = PostgresLocation.redacted(text)
        func malformed(_ part: String, _ problem: String) -> PostgresLocation.Failure {
            .malformed(shown, part: part, problem: problem)
        }
        guard let schemeEnd = text.range(of: "://"), PostgresLocation.isPostgresURL(text) else {
            throw PostgresLocation.Failure.notAPostgresURL(shown)
        }
        let rest = text[schemeEnd.upperBound...]
        let firstSlash = rest.firstIndex(of: "/") ?? rest.endIndex
        // The user name and password end at the last `@` before the first `/`, so an `@` in the password works, and
        // an `@` after that `/` is refused: it would mean a `/` in the password (whose end then hides among the
        // database or the query, to be shown in messages) as likely as an `@` in the database's name.
        if rest[firstSlash...].contains("@") {
            throw malformed(
                "text after the host", "holds an '@': write a '/' in the user name or password as %2F, an '@' as %40")
        }
        let head = rest[..<firstSlash]
        var hostAndPort = head
        if let at = head.lastIndex(of: "@") {
            let userInfo = head[..<at]
            hostAndPort = head[head.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                let user = userInfo[..<colon]
                self.user = user.isEmpty ? nil : try Self.decoded(user, part: "user name", in: shown)
                self.password = try Self.decoded(userInfo[userInfo.index(after: colon)...], part: "password", in: shown)
            } else {
                self.user = userInfo.isEmpty ? nil : try Self.decoded(userInfo, part: "user name", in: shown)
                self.password = nil
            }
        } else {
            user = nil
            password = nil
        }
        var query: Substring = ""
        var path: Substring = ""
        if firstSlash < rest.endIndex {
            let afterSlash = rest[rest.index(after: firstSlash)...]
            let questionMark = afterSlash.firstIndex(of: "?") ?? afterSlash.endIndex
            path = afterSlash[..<questionMark]
            if questionMark < afterSlash.endIndex { query = afterSlash[afterSlash.index(after: questionMark)...] }
        } else if let questionMark = hostAndPort.firstIndex(of: "?") {
            query = hostAndPort[hostAndPort.index(after: questionMark)...]
            hostAndPort = hostAndPort[..<questionMark]
        }
        if hostAndPort.contains(",") { throw malformed("host", "names several hosts, and glocal connects to one") }
        var portText: Substring?
        if hostAndPort.hasPrefix("[") {
            guard let close = hostAndPort.firstIndex(of: "]") else { throw malformed("host", "has a '[' without its ']'") }
            host = try Self.decoded(
                hostAndPort[hostAndPort.index(after: hostAndPort.startIndex)..<close], part: "host", in: shown)
            let after = hostAndPort[hostAndPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw malformed("host", "has text after its ']'") }
                portText = after.dropFirst()
            }
        } else if let colon = hostAndPort.firstIndex(of: ":") {
            host = try Self.decoded(hostAndPort[..<colon], part: "host", in: shown)
            portText = hostAndPort[hostAndPort.index(after: colon)...]
        } else {
            host = try Self.decoded(hostAndPort, part: "host", in: shown)
        }
        port = try portText.map { text in try Self.port(text, part: "port", in: shown) }
        database = try Self.decoded(path, part: "database name", in: shown)
        var parameters: [(name: String, value: String)] = []
        for item in query.split(separator: "&") {
            guard let equals = item.firstIndex(of: "=") else {
                throw malformed("query", "has a parameter without '=' (NAME=VALUE)")
            }
            let name = try Self.decoded(item[..<equals], part: "query's parameter names", in: shown)
            let value = try Self.decoded(item[item.index(after: equals)...], part: "value of ?\(name)=", in: shown)
            parameters.append((name, value))
        }
        self.parameters = parameters
    }

    /// The port `text` gives: a whole number from 1 to 65535.
    static func port(_ text: Substring, part: String, in shown: String) throws -> Int {
        guard !text.isEmpty, text.utf8.count <= 5, text.allSatisfy(\.isASCIIDigit), let port = Int(text),
            (1...65_535).contains(port)
        else { throw PostgresLocation.Failure.malformed(shown, part: part, problem: "is not a whole number from 1 to 65535") }
        return port
    }

    /// `text` with each `%XX` decoded once, as UTF-8. A `%` not followed by two hexadecimal digits, a `%00` (PostgreSQL
    /// takes no NUL byte) or bytes that are not UTF-8 are refused, naming `part`, never its text.
    static func decoded(_ text: Substring, part: String, in shown: String) throws -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                index = utf8.index(after: index)
                continue
            }
            let first = utf8.index(after: index)
            guard first < utf8.endIndex, utf8.index(after: first) < utf8.endIndex,
                let high = hexValue(utf8[first]), let low = hexValue(utf8[utf8.index(after: first)])
            else {
                throw PostgresLocation.Failure.malformed(
                    shown, part: part, problem: "holds a '%' not followed by two hexadecimal digits (write a '%' itself as %25)")
            }
            guard high != 0 || low != 0 else {
                throw PostgresLocation.Failure.malformed(
                    shown, part: part, problem: "holds %00, a NUL byte, which PostgreSQL cannot take")
            }
            bytes.append(high << 4 | low)
            index = utf8.index(index, offsetBy: 3)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw PostgresLocation.Failure.malformed(shown, part: part, problem: "is not UTF-8 once its %-escapes are decoded")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension Character {
    /// Whether this is one of `0`…`9`.
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
