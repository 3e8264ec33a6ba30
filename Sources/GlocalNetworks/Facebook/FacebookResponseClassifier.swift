import Foundation

/// Maps every Facebook Graph answer to an outcome; `nil` means success. Error 506 is a repeated post.
public enum FacebookResponseClassifier {
    /// The outcome of an answer with `status`, lowercased `headers` and `body`, read at `now`.
    public static func classify(status: Int, headers: [String: String], body: Data, now: Date) -> PublishOutcome? {
        GraphErrorClassifier.classify(
            status: status, headers: headers, body: body, now: now, network: "Facebook", duplicateCodes: [506])
    }

    static func classify(_ response: HTTPResponse, now: Date) -> PublishOutcome? {
        classify(status: response.status, headers: response.headers, body: response.body, now: now)
    }
}
