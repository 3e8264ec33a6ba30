import Foundation
import GlocalCore
import GlocalStore
import Hummingbird

/// `/notifications`: each signed-in user sees and changes their own digest and alert settings
/// (CSRF-checked; nobody changes another person's).
struct NotificationRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<AppRequestContext>) {
        let guardian = RequestGuard(environment: environment)
        let environment = self.environment
        router.get("/notifications") { _, context -> Response in
            let session = try guardian.session(context)
            return Layout.response(try Self.page(session: session, environment: environment, notice: context.flash?.notice))
        }
        router.post("/notifications") { request, context -> Response in
            let session = try guardian.session(context)
            let form = try await guardian.form(request, context: context, session: session)
            // An unchecked checkbox sends nothing: absent means off.
            let preferences = NotificationPreferences(digest: form["digest"] == "on", alerts: form["alerts"] == "on")
            try environment.store.notifications.setPreferences(
                preferences, for: session.user.email, now: environment.now())
            var flash = Flash(path: "/notifications")
            flash.notice = "Saved."
            return flash.redirect(to: "/notifications", session: session, secure: environment.secureCookies)
                ?? Layout.redirect(to: "/notifications")
        }
    }

    private static func page(session: Session, environment: ServerEnvironment, notice: String?) throws -> HTML {
        let preferences = try environment.store.notifications.preferences(of: session.user.email)
        return NotificationsPage.render(
            session: session, preferences: preferences, teams: environment.scope(of: session.user).teams, notice: notice)
    }
}
