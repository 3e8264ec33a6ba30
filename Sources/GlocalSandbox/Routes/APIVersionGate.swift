import Foundation
import GlocalCore
import HTTPTypes
import Hummingbird

/// Refuses, on the sandbox's own clock, every call made with an API version the network no longer serves (or
/// does not serve yet), the way the network answers it:
/// - LinkedIn: HTTP 426 `{"status":426,"code":"NONEXISTENT_VERSION","message":"Requested version 202505 is not active"}`;
/// - Graph (Facebook, Instagram, Threads): HTTP 400 with error 2635, the error Meta documents for a deprecated
///   version. Meta's versioning guide says an expired Graph version is served as the oldest available one instead;
///   the sandbox refuses, as the Marketing API does, so a client left on an expired version fails loudly here
///   (docs/networks.md, "API versions").
struct APIVersionGate: RouterMiddleware {
    typealias Context = BasicRequestContext

    let state: SandboxState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        let parts = request.uri.path.split(separator: "/", maxSplits: 2).map(String.init)
        guard parts.count >= 2, let network = Network(rawValue: parts[0]) else { return try await next(request, context) }
        let now = await state.now()
        switch network {
        case .linkedin:
            guard parts[1] == "rest", let name = request.headers[HTTPField.Name("LinkedIn-Version")!],
                let refusal = Self.linkedInRefusal(name, now: now)
            else { break }
            return refusal
        case .facebook, .instagram, .threads:
            if let refusal = Self.graphRefusal(parts[1], network: network, now: now) { return refusal }
        case .x, .bluesky, .mastodon, .youtube, .tiktok, .pinterest, .googleBusiness: break
        }
        return try await next(request, context)
    }

    /// LinkedIn's answer to a well-formed version it does not serve at `now`; `nil` when it serves it (a malformed
    /// or missing header is the route's to refuse).
    static func linkedInRefusal(_ name: String, now: Date) -> Response? {
        guard case .known(let version) = APIVersionTable.lookUp(name, for: .linkedin) else { return nil }
        switch APIVersionStatus.of(version, at: now) {
        case .current, .sunsetsSoon: return nil
        case .sunset, .unreleased: return nonexistentVersion(name)
        }
    }

    /// LinkedIn's 426 for a version it does not serve (`name`), or for a request without a usable version.
    static func nonexistentVersion(_ name: String?) -> Response {
        let message = name.map { "Requested version \($0) is not active" } ?? "Requested version is not active"
        return SandboxReply.json(426, ["status": 426, "code": "NONEXISTENT_VERSION", "message": message])
    }

    /// Graph's answer to a path version that is not served at `now` (past its sunset, not released yet, or never a
    /// version of the table); `nil` when it is served or the segment is not a version (`refresh_access_token`).
    static func graphRefusal(_ segment: String, network: Network, now: Date) -> Response? {
        let latest = APIVersionTable.knownVersions(of: APIFamily.of(network)).last?.name ?? segment
        let refused: String
        switch APIVersionTable.lookUp(segment, for: network) {
        case .known(let version):
            switch APIVersionStatus.of(version, at: now) {
            case .current, .sunsetsSoon: return nil
            case .sunset: refused = "\(segment) was available until \(version.sunset.map { "\($0)" } ?? "")"
            case .unreleased: refused = "\(segment) is not released"
            }
        // A version Meta never released (`v27.0`, `v25.1`, Threads `v2.0`) is refused like one that has ended.
        case .unknown: refused = "\(segment) does not exist"
        case .malformed, .notPinnable:
            guard segment.range(of: "^v[0-9]+(\\.[0-9]+)?$", options: .regularExpression) != nil else { return nil }
            refused = "\(segment) does not exist"
        }
        let message =
            "(#2635) You are calling a deprecated version of the Graph API (\(refused)). "
            + "Please update to the latest version: \(latest)."
        return SandboxReply.json(
            400, ["error": ["message": message, "type": "OAuthException", "code": 2635, "fbtrace_id": "sandbox"]])
    }
}
