import Foundation
import GlocalCore

/// Bluesky's documented fallback to OAuth: an app password (made in the Bluesky app's settings) exchanged for a
/// session on the account's own PDS, found from its handle: `com.atproto.identity.resolveHandle` gives the DID, the
/// DID document (PLC directory, or `did:web`'s `/.well-known/did.json`) the `#atproto_pds` service. The session's
/// DID must be the handle's, its handle the one accounts.yaml declares.
public struct BlueskyAppPasswordLogin: Sendable {
    /// Where handles are resolved (`https://bsky.social`, or the sandbox's Bluesky).
    public let resolver: URL
    /// The PLC directory (`https://plc.directory`, or the sandbox's).
    public let directory: URL
    /// The HTTP transport.
    public let transport: any HTTPTransport

    /// Creates a login against the real network.
    public init(
        transport: any HTTPTransport, resolver: URL = URL(string: "https://bsky.social")!,
        directory: URL = URL(string: "https://plc.directory")!
    ) {
        self.transport = transport
        self.resolver = resolver
        self.directory = directory
    }

    /// The login against the sandbox at `base` (its Bluesky resolves handles and serves DID documents).
    public static func sandbox(_ base: URL, transport: any HTTPTransport) -> BlueskyAppPasswordLogin {
        let bluesky = base.appendingPathComponent("bluesky")
        return BlueskyAppPasswordLogin(transport: transport, resolver: bluesky, directory: bluesky.appendingPathComponent("plc"))
    }

    /// Logs in as `handle` with `appPassword` and returns the credentials to seal (PDS as server URL, DID as user id).
    /// A password without an app password's form is refused before anything is sent (``AppPasswordFormat``).
    public func connect(handle declared: String, appPassword given: String, now: Date) async -> Result<
        ConnectedAccount, ConnectRefusal
    > {
        let appPassword = AppPasswordFormat.trimmed(given)
        guard AppPasswordFormat.matches(appPassword) else { return .failure(.notAnAppPassword) }
        let handle = IdentityMatch.normalized(declared)
        do {
            let resolved = try await get(
                FormEncoding.url(resolver, path: "/xrpc/com.atproto.identity.resolveHandle", query: [("handle", handle)]))
            guard let did = resolved["did"].string else {
                return .failure(.exchangeFailed("\(handle) does not resolve to a DID"))
            }
            let document: JSON
            if did.hasPrefix("did:web:") {
                let host = String(did.dropFirst(8))
                document = try await get(URL(string: "https://\(host)/.well-known/did.json")!)
            } else {
                document = try await get(directory.appendingPathComponent(did))
            }
            guard
                let endpoint = document["service"].array.first(where: { $0["id"].string?.hasSuffix("#atproto_pds") == true })?[
                    "serviceEndpoint"
                ].string, let pds = URL(string: endpoint)
            else { return .failure(.exchangeFailed("the DID document of \(did) names no PDS")) }
            let body = JSON.encode(["identifier": did, "password": appPassword])
            let response = try await transport.send(
                HTTPRequest(
                    method: "POST", url: FormEncoding.url(pds, path: "/xrpc/com.atproto.server.createSession"),
                    headers: ["Content-Type": "application/json"], body: body))
            guard response.isSuccess else {
                let json = JSON(data: response.body)
                let reason = [json["error"].string, json["message"].string].compactMap { $0 }.joined(separator: ": ")
                return .failure(
                    .exchangeFailed("the PDS refused the app password: \(reason.isEmpty ? "HTTP \(response.status)" : reason)"))
            }
            let session = JSON(data: response.body)
            guard let access = session["accessJwt"].string, session["did"].string == did else {
                return .failure(.exchangeFailed("the PDS answered without a session for \(did)"))
            }
            if let refusal = IdentityMatch.check(declared: declared, returned: [session["handle"].string ?? ""]) {
                return .failure(refusal)
            }
            let credentials = AccountCredentials(
                accessToken: access, refreshToken: session["refreshJwt"].string,
                expiresAt: BlueskySessionExpiry.secondsLeft(of: access, now: now).map {
                    now.addingTimeInterval(TimeInterval($0))
                },
                remoteUserID: did, serverURL: pds)
            return .success(ConnectedAccount(credentials: credentials, identity: handle, scopes: []))
        } catch {
            return .failure(.exchangeFailed("\((error as? TransportError)?.description ?? "\(error)")"))
        }
    }

    private func get(_ url: URL) async throws -> JSON {
        let response = try await transport.send(HTTPRequest(method: "GET", url: url, headers: ["Accept": "application/json"]))
        guard response.isSuccess else { throw LookupFailure(description: "\(url.host ?? "") answered HTTP \(response.status)") }
        return JSON(data: response.body)
    }

    private struct LookupFailure: Error, CustomStringConvertible {
        var description: String
    }
}
