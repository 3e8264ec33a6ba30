import Foundation

/// Maps every Instagram Graph answer to an outcome; `nil` means success.
public enum InstagramResponseClassifier {
    /// The outcome of an answer with `status`, lowercased `headers` and `body`, read at `now`.
    public static func classify(status: Int, headers: [String: String], body: Data, now: Date) -> PublishOutcome? {
        GraphErrorClassifier.classify(status: status, headers: headers, body: body, now: now, network: "Instagram")
    }

    static func classify(_ response: HTTPResponse, now: Date) -> PublishOutcome? {
        classify(status: response.status, headers: response.headers, body: response.body, now: now)
    }
}
