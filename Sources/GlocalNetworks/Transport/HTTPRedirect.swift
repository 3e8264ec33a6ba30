import Foundation

/// A 3xx answer, which the transport hands back unfollowed, and what a call makes of it.
///
/// No redirect is ever followed, whatever the method: following one re-sends the request (with its
/// body and `Authorization` header) to a URL the dispatcher never chose, and a POST re-sent that way
/// could publish twice. A 3xx means the server did not act on the request at this URL, so the outcome
/// is a permanent failure naming where the server pointed: a network that moved an endpoint needs a
/// change in glocal, not a silent chase at run time. A GET (a look-up, a metrics read) is treated the
/// same way, so a bearer token never follows a `Location` to another host.
public struct HTTPRedirect: Sendable, Equatable {
    /// The 3xx status.
    public var status: Int
    /// The `Location` without its query and fragment (either may carry a signed token), if the answer had one.
    public var location: String?

    /// The redirect in `response`, or `nil` when its status is not 3xx.
    public init?(_ response: HTTPResponse) {
        guard (300..<400).contains(response.status) else { return nil }
        status = response.status
        location = response.header("location").map(Self.shown)
    }

    /// The outcome of `request` answered with this redirect: always ``PublishOutcome/permanent(_:)``.
    public func outcome(of request: HTTPRequest) -> PublishOutcome {
        .permanent("\(request) \(explanation)")
    }

    /// "was redirected (HTTP 307) to …; redirects are never followed".
    public var explanation: String {
        let target = location.map { "to \($0)" } ?? "without a Location"
        return "was redirected (HTTP \(status)) \(target); glocal never follows a redirect (it would re-send the request)"
    }

    /// `text` up to its first `?` or `#`.
    static func shown(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let cut = trimmed.firstIndex(where: { $0 == "?" || $0 == "#" }) else { return trimmed }
        return String(trimmed[..<cut]) + "?…"
    }
}
