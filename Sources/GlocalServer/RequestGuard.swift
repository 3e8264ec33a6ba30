import Foundation
import GlocalCore
import GlocalStore
import Hummingbird

/// The checks every route makes: a session (else to the sign-in page), a valid CSRF token on
/// every form, and the user's scope on every variant and account.
struct RequestGuard {
    let environment: ServerEnvironment

    /// The signed-in session; a request without one is sent to `/login`.
    func session(_ context: AppRequestContext) throws -> Session {
        guard let session = context.session else {
            throw HTTPError(.seeOther, headers: [.location: "/login"], message: "Sign in first.")
        }
        return session
    }

    /// The posted form, once its CSRF token matches the session's.
    func form(_ request: Request, context: AppRequestContext, session: Session) async throws -> FormBody {
        let form = try await Self.body(request, context: context)
        guard let token = form["csrf"], SessionToken.constantTimeEquals(token, session.csrfToken) else {
            throw HTTPError(
                .forbidden,
                message: "The form has expired or did not come from glocal (CSRF token mismatch). Reload the page and try again.")
        }
        return form
    }

    /// How much of a body over the limit is read and dropped before the 413 (beyond it the connection is closed).
    static let drainLimit = 16 * 1024 * 1024

    /// A form body without a session check (the sign-in form checks its own token).
    static func body(_ request: Request, context: AppRequestContext) async throws -> FormBody {
        var buffer = ByteBuffer()
        var received = 0
        for try await part in request.body {
            received += part.readableBytes
            if received <= context.maxUploadSize {
                var part = part
                buffer.writeBuffer(&part)
            } else if received > Self.drainLimit {
                break
            }
        }
        guard received <= context.maxUploadSize else {
            // The rest of a body over the limit was read and dropped before answering: answered while the browser
            // is still sending, the connection closes under it and the browser shows a reset instead of the page.
            throw HTTPError(
                .contentTooLarge,
                message:
                    "This request is larger than the \(context.maxUploadSize / 1024) KiB glocal accepts, so nothing in it was read or saved."
            )
        }
        return FormBody(String(buffer: buffer))
    }

    /// The variant `id` if the user may see it: 404 if unknown, 403 if outside the user's teams.
    func visibleVariant(_ id: String, scope: ApprovalScope) throws -> StoredVariant {
        guard let variant = try environment.store.variant(id) else { throw HTTPError(.notFound, message: "No variant '\(id)'.") }
        guard scope.canSee(account: variant.accountID) else { throw Self.forbidden(variant.accountID) }
        return variant
    }

    /// The variant `id` if the user may change it: as ``visibleVariant(_:scope:)``, and 403 for a viewer.
    func actionableVariant(_ id: String, scope: ApprovalScope) throws -> StoredVariant {
        let variant = try visibleVariant(id, scope: scope)
        guard scope.canAct(on: variant.accountID) else {
            throw HTTPError(.forbidden, message: "You may not change variants (role \(scope.role.rawValue)).")
        }
        return variant
    }

    /// 403 for an account outside the user's teams.
    static func forbidden(_ account: String) -> HTTPError {
        HTTPError(.forbidden, message: "Account '\(account)' is not in your teams.")
    }

    /// The variant id from the route's three parameters.
    static func variantID(_ context: AppRequestContext) throws -> String {
        let parts = try ["campaign", "post", "account"].map { try context.parameters.require($0) }
        return parts.map { $0.removingPercentEncoding ?? $0 }.joined(separator: "/")
    }
}
