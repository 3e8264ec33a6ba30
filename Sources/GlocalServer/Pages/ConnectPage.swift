import Foundation
import GlocalCore
import GlocalStore
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
