/// The warning the queue page shows when an account the user sees needs reconnecting: its posts
/// wait and nothing goes out for it, so a local manager notices without opening the accounts page.
enum ReconnectWarning {
    /// The warning for `accounts` (empty when there are none).
    static func render(_ accounts: [(account: String, reason: String)]) -> HTML {
        guard !accounts.isEmpty else { return .empty }
        let items = accounts.map { account, reason -> HTML in
            "<li><strong>\(account)</strong>: \(reason). Fix: <code>glocal account connect \(account)</code></li>"
        }
        let headline = accounts.count == 1 ? "1 account needs reconnecting." : "\(accounts.count) accounts need reconnecting."
        let their = accounts.count == 1 ? "its" : "their"
        return """
            <div class="hold-warning" role="status" id="reconnect-warning"><strong>\(headline)</strong>
            The network refuses \(their) token: \(their) posts wait and nothing is sent until an operator stores a new
            token. <ul>\(items)</ul><a href="/accounts">All accounts and their status</a></div>
            """
    }
}
