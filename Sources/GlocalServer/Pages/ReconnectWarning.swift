import GlocalCore

/// The warning the queue page shows when an account the user sees needs reconnecting: its posts
/// wait and nothing goes out for it, so a local manager notices without opening the accounts page. The fix it names
/// is the accounts page's: *Reconnect* for those who may act on the account when this server serves the sign-in, a
/// word to its managers for a viewer, and the command line when the server does not serve the sign-in.
enum ReconnectWarning {
    /// The warning for `accounts` (empty when there are none), as `scope` may act on them; `connects` tells whether
    /// this server serves the networks' sign-in.
    static func render(_ accounts: [(account: String, reason: String)], scope: ApprovalScope, connects: Bool) -> HTML {
        guard !accounts.isEmpty else { return .empty }
        let items = accounts.map { account, reason -> HTML in
            let fix: HTML =
                !connects
                ? "Fix: <code>glocal account connect \(account)</code>"
                : scope.canAct(on: account)
                    ? "Fix: <a href=\"/accounts#account-\(account)\">Reconnect</a> to sign in on the network again"
                    : "Fix: one of the account's managers or an admin reconnects it"
            return "<li><strong>\(account)</strong>: \(reason). \(fix).</li>"
        }
        let headline = accounts.count == 1 ? "1 account needs reconnecting." : "\(accounts.count) accounts need reconnecting."
        let their = accounts.count == 1 ? "its" : "their"
        return """
            <div class="hold-warning" role="status" id="reconnect-warning"><strong>\(headline)</strong>
            The network refuses \(their) token: \(their) posts wait and nothing is sent until \(their) account is
            signed in again. <ul>\(items)</ul><a href="/accounts">All accounts and their status</a></div>
            """
    }
}
