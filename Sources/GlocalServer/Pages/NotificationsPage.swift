import Foundation
import GlocalCore
import GlocalStore

/// The signed-in user's own notification settings: the daily digest and the immediate alerts by
/// e-mail, each a checkbox (the same setting as `glocal user notifications`).
enum NotificationsPage {
    /// The page for `session`'s user with `preferences`.
    static func render(session: Session, preferences: NotificationPreferences, teams: [String], notice: String?) -> HTML {
        let who: HTML =
            session.user.role == .manager
            ? (teams.isEmpty
                ? "You manage no team in glocal.yaml, so nothing is sent to you for now."
                : "Sent to \(session.user.email) about the accounts of your teams (\(teams.joined(separator: ", "))).")
            : "Digests and alerts go to managers; as \(session.user.role.rawValue) you are sent nothing, whatever is set here."
        return Layout.page(
            title: "Notifications", session: session, notice: notice,
            """
            <h1>Notifications</h1>
            <p>\(who)</p>
            <form method="post" action="/notifications">\(Layout.csrfField(session))
            <fieldset><legend>E-mail</legend>
            <p><label><input type="checkbox" name="digest" value="on"\(checked(preferences.digest))>
            Daily digest: posts awaiting your approval, deadlines of the next 48 hours, posts that failed, accounts to reconnect
            (once a day, in the morning of your accounts' time zone)</label></p>
            <p><label><input type="checkbox" name="alerts" value="on"\(checked(preferences.alerts))>
            Immediate alerts: a post that failed, an account that needs reconnecting</label></p>
            </fieldset>
            <p><button type="submit">Save</button></p>
            </form>
            """)
    }

    private static func checked(_ on: Bool) -> HTML { on ? " checked" : .empty }
}
