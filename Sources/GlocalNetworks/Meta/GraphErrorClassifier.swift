import Foundation

/// Reads Meta Graph API errors (`{"error":{"code":…,"error_subcode":…,"message":…}}`), shared by Facebook,
/// Instagram and Threads; each client's classifier calls it with its own duplicate codes.
public enum GraphErrorClassifier {
    /// Throttling codes: app (4), user (17), page (32), custom (613), business use case (80001–80014).
    static let throttleCodes: Set<Int> = Set([4, 17, 32, 613]).union(80001...80014)

    /// The outcome of an answer; `nil` means success. `duplicateCodes` are the codes meaning "already posted".
    public static func classify(
        status: Int, headers: [String: String], body: Data, now: Date, network: String, duplicateCodes: Set<Int> = []
    ) -> PublishOutcome? {
        if (200..<300).contains(status) { return nil }
        let error = JSON(data: body)["error"]
        let code = error["code"].int ?? 0
        let subcode = error["error_subcode"].int ?? 0
        let message =
            "\(network) error \(code)\(subcode == 0 ? "" : "/\(subcode)"): \(error["message"].string ?? "HTTP \(status)")"
        if code == 2635 {
            // A Graph version Meta no longer serves: every retry would be refused the same way.
            return .permanent(
                "\(message); move api_versions.\(network.lowercased()) in glocal.yaml to a current version "
                    + "(docs/networks.md, API versions)")
        }
        if code == 190 || code == 102 || status == 401 { return .reconnectRequired(message) }
        if code == 10 || (200..<300).contains(code) { return .reconnectRequired("permission missing: \(message)") }
        if duplicateCodes.contains(code) { return .duplicate(nil) }
        if throttleCodes.contains(code) || status == 429 || (code == 9 && subcode == 2_207_042) {
            return .rateLimited(until: regainAccess(headers, now: now))
        }
        if code == 1 || code == 2 || error["is_transient"].value as? Bool == true || (500...599).contains(status) {
            return .transient(message)
        }
        if code == 100 || status == 400 { return .invalidContent(message) }
        return .permanent(message)
    }

    /// The latest `estimated_time_to_regain_access` (minutes) in `X-Business-Use-Case-Usage`, from `now`.
    static func regainAccess(_ headers: [String: String], now: Date) -> Date? {
        guard let header = headers["x-business-use-case-usage"] else { return nil }
        let minutes = JSON(data: Data(header.utf8)).object.values
            .flatMap(\.array).compactMap { $0["estimated_time_to_regain_access"].int }.max()
        guard let minutes, minutes > 0 else { return nil }
        return now.addingTimeInterval(TimeInterval(minutes * 60))
    }
}
