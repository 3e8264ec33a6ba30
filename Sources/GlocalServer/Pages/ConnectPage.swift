import Foundation
import GlocalCore
import GlocalStore
import HTTPTypes
import Hummingbird

/// The pages of connecting an account: why a connection was refused (nothing stored), and Bluesky's app-password form.
enum ConnectPage {
    /// The refusal, with the way back.
    static func refused(account: String?, refusal: ConnectRefusal, session: Session, status: HTTPResponse.Status) -> Response {
        let what: HTML = account.map { "<p>Account <strong>\($0)</strong> was not connected; nothing was stored.</p>" } ?? .empty
        return Layout.response(
            Layout.page(
                title: "Not connected", session: session,
                """
                <h1>Not connected</h1>
                \(what)
                <p class="field-error" id="connect-refusal">\(refusal.description)</p>
                <p><a href="/accounts">Back to the accounts</a></p>
                """), status: status)
    }

    /// On the way to the network's sign-in page. A page that goes on by itself (`Refresh`), not a redirect: the
    /// accounts page's `form-action 'self'` policy forbids a form whose answer redirects to another origin.
    static func leaving(to url: URL, network: Network?, session: Session) -> Response {
        let name = network?.displayName ?? "the network"
        var response = Layout.response(
            Layout.page(
                title: "Signing in to \(name)", session: session,
                """
                <h1>Signing in to \(name)</h1>
                <p>glocal is sending you to \(name)'s own sign-in page. Sign in as the account's handle and allow every
                permission; \(name) then sends you back here.</p>
                <p><a href="\(url.absoluteString)" id="continue" class="button">Continue to \(name)</a></p>
                """))
        if let refresh = HTTPField.Name("Refresh") { response.headers[refresh] = "0; url=\(url.absoluteString)" }
        return response
    }

    /// Bluesky: the app password form (made in Bluesky's settings, never the account's own password).
    static func appPassword(account: String, handle: String, session: Session, error: String?) -> Response {
        let problem: HTML = error.map { "<p class=\"field-error\" id=\"connect-refusal\">\($0)</p>" } ?? .empty
        return Layout.response(
            Layout.page(
                title: "Connect \(account)", session: session,
                """
                <h1>Connect \(account) (Bluesky)</h1>
                <p>Make an app password in Bluesky (Settings → Privacy and security → App passwords) for <strong>\(handle)</strong>
                and paste it here. glocal finds the account's server from its handle and keeps only the session it opens.</p>
                \(problem)
                <form method="post" action="\(AccountsPage.path(account, "connect/app-password"))">\(Layout.csrfField(session))
                <label for="app-password">App password (xxxx-xxxx-xxxx-xxxx)</label>
                <input type="password" id="app-password" name="app_password" required autocomplete="off">
                <p><button type="submit" class="primary" id="connect">Connect</button></p></form>
                """), status: error == nil ? .ok : .unprocessableContent)
    }
}
