import Foundation
import GlocalCore
import Hummingbird

/// Bluesky's app-password sign-in in the sandbox: `com.atproto.identity.resolveHandle` (a handle's DID),
/// `plc/<did>` (its DID document naming this sandbox's Bluesky as PDS) and `com.atproto.server.createSession` (an
/// app password, `xxxx-xxxx-xxxx-xxxx`, for a session whose handle is the one resolved).
struct OAuthBlueskyRoutes {
    let book: OAuthGrantBook
    private let handles = HandleDirectory()

    /// The handles the sandbox resolved, by DID.
    actor HandleDirectory {
        private var byDID: [String: String] = [:]
        func remember(_ handle: String, did: String) { byDID[did] = handle }
        func handle(of did: String) -> String? { byDID[did] }
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("bluesky/xrpc/com.atproto.identity.resolveHandle") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            guard let handle = call.query["handle"]?.lowercased(), handle.contains(".") else {
                return SandboxReply.json(400, ["error": "InvalidRequest", "message": "Error: handle must be a valid handle"])
            }
            let did = SandboxIdentity.did(handle)
            await handles.remember(handle, did: did)
            return SandboxReply.json(200, ["did": did])
        }
        router.get("bluesky/plc/:did") { request, context -> Response in
            let did = try context.parameters.require("did")
            guard let handle = await handles.handle(of: did) else {
                return SandboxReply.json(404, ["message": "DID not registered: \(did)"])
            }
            let host = request.head.authority ?? "127.0.0.1"
            return SandboxReply.json(
                200,
                [
                    "id": did, "alsoKnownAs": ["at://\(handle)"],
                    "service": [
                        ["id": "#atproto_pds", "type": "AtprotoPersonalDataServer", "serviceEndpoint": "http://\(host)/bluesky"]
                    ],
                ])
        }
        router.post("bluesky/xrpc/com.atproto.server.createSession") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let identifier = call.json["identifier"] as? String ?? ""
            let password = call.json["password"] as? String ?? ""
            let handle: String? = identifier.hasPrefix("did:") ? await handles.handle(of: identifier) : identifier.lowercased()
            guard let handle, AppPasswordFormat.matches(password) else {
                return SandboxReply.json(401, ["error": "AuthenticationRequired", "message": "Invalid identifier or password"])
            }
            let pair = await book.tokens(account: SandboxIdentity.did(handle))
            return SandboxReply.json(
                200,
                [
                    "accessJwt": pair.access, "refreshJwt": pair.refresh, "did": SandboxIdentity.did(handle), "handle": handle,
                    "active": true,
                ])
        }
    }
}
