import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Posts Slack-compatible JSON (`{"text": "…"}`) to a team's incoming-webhook URL.
///
/// The URLs are secrets (a Slack URL is its own token): they come from the environment, are never
/// stored, logged or shown; an error names the team, never the URL.
public struct WebhookSender: Sendable {
    /// The URL of each team that has one, by team id.
    public let urls: [String: URL]
    /// Seconds a post may take.
    public let timeout: TimeInterval

    /// A sender for `urls`.
    public init(urls: [String: URL], timeout: TimeInterval = 30) {
        self.urls = urls
        self.timeout = timeout
    }

    /// The teams' URLs from `GLOCAL_WEBHOOK_<TEAM>` variables (the team id upper-cased, `-` and `.`
    /// as `_`), for the teams in `teamIDs`; throws when one is not an http(s) URL.
    public static func urls(teamIDs: [String], environment: [String: String]) throws -> [String: URL] {
        var urls: [String: URL] = [:]
        for team in teamIDs {
            let name = variableName(team: team)
            guard let text = environment[name], !text.isEmpty else { continue }
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                url.host != nil
            else { throw SMTPSettingsError("\(name) is not an http(s) URL") }
            urls[team] = url
        }
        return urls
    }

    /// `GLOCAL_WEBHOOK_FRANCE` for team `france`.
    public static func variableName(team: String) -> String {
        "GLOCAL_WEBHOOK_" + String(team.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// The JSON body for `text`.
    public static func body(text: String) throws -> Data {
        try JSONSerialization.data(withJSONObject: ["text": text], options: [.sortedKeys])
    }

    /// Posts `text` to `team`'s webhook; throws when it has none or the answer is not 2xx.
    public func post(text: String, team: String) async throws {
        guard let url = urls[team] else { throw WebhookError("team '\(team)' has no webhook configured") }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try Self.body(text: text)
        let response: URLResponse
        do { (_, response) = try await URLSession.shared.data(for: request) } catch {
            throw WebhookError("team '\(team)''s webhook did not answer (\((error as NSError).code))")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else { throw WebhookError("team '\(team)''s webhook answered \(status)") }
    }
}

/// A webhook post that did not go through; names the team, never the URL.
public struct WebhookError: Error, CustomStringConvertible, Sendable {
    /// What happened.
    public let description: String
    init(_ description: String) { self.description = description }
}
