import Foundation
import GlocalCore

/// The sandbox's authorization page: which app asks, the permissions (each can be unticked, to test a grant missing
/// scopes), an account chooser (the hinted account and two others, to test the wrong one) and Approve / Deny.
enum OAuthAuthorizePage {
    /// The page for a valid request; `fields` are the request's parameters, sent back with the decision.
    static func render(network: String, fields: [String: String], scopes: [String], hint: String?) -> String {
        let name = Network(rawValue: network)?.displayName ?? network
        let hidden = fields.sorted { $0.key < $1.key }.map {
            "<input type=\"hidden\" name=\"\(escape($0.key))\" value=\"\(escape($0.value))\">"
        }.joined(separator: "\n")
        let permissions = scopes.map {
            """
            <li><label><input type="checkbox" name="granted" value="\(escape($0))" checked> \(escape($0))</label></li>
            """
        }.joined(separator: "\n")
        var accounts = ["someone-else", "another-brand"]
        if let hint, !hint.isEmpty { accounts.insert(IdentityMatch.normalized(hint), at: 0) }
        let choices = accounts.enumerated().map { index, account in
            """
            <li><label><input type="radio" name="account" value="\(escape(account))"\(index == 0 ? " checked" : "")> \
            \(escape(account))</label></li>
            """
        }.joined(separator: "\n")
        return """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in to \(name) (sandbox)</title></head>
            <body><main><h1>\(name) sandbox: authorize glocal</h1>
            <form method="post" id="authorize">
            \(hidden)
            <fieldset><legend>Sign in as</legend><ul id="accounts">\(choices)</ul>
            <label>or another account <input type="text" name="other" id="other-account"></label></fieldset>
            <fieldset><legend>glocal asks to</legend><ul id="scopes">\(permissions)</ul></fieldset>
            <button type="submit" name="decision" value="approve" id="approve">Authorize app</button>
            <button type="submit" name="decision" value="deny" id="deny">Cancel</button>
            </form></main></body></html>
            """
    }

    /// An error page (bad client, redirect URI missing): never a redirect, as RFC 6749 4.1.2.1 says.
    static func error(_ message: String) -> String {
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorization error (sandbox)</title></head>
        <body><main><h1>Authorization error</h1><p id="error">\(escape(message))</p></main></body></html>
        """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
