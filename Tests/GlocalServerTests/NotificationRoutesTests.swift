import Foundation
import GlocalCore
import GlocalStore
import Hummingbird
import HummingbirdTesting
import Testing

/// `/notifications`: each user turns their own digest and alerts on and off, CSRF-checked.
struct NotificationRoutesTests {
    @Test func aManagerTurnsTheDigestOffAndKeepsAlerts() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let page = try await france.get("/notifications")
            #expect(page.status == .ok)
            #expect(page.body.contains("name=\"digest\" value=\"on\" checked"))
            #expect(page.body.contains("name=\"alerts\" value=\"on\" checked"))
            #expect(page.body.contains("your teams (france)"))
            let csrf = try #require(page.csrf)
            let saved = try await france.post("/notifications", form: [("csrf", csrf), ("alerts", "on")])
            #expect(saved.status == .seeOther && saved.location == "/notifications")
            let after = try await france.get("/notifications")
            #expect(after.body.contains("Saved."))
            #expect(!(try await france.get("/notifications?notice=saved")).body.contains("Saved."))
            #expect(after.body.contains("name=\"digest\" value=\"on\">"))
            #expect(after.body.contains("name=\"alerts\" value=\"on\" checked"))
        }
        let notifications = NotificationStore(store: fixture.store)
        #expect(try notifications.preferences(of: ServerFixture.france) == NotificationPreferences(digest: false, alerts: true))
        // Nobody else's setting moved.
        #expect(try notifications.preferences(of: ServerFixture.uk) == NotificationPreferences())
    }

    @Test func withoutTheCSRFTokenNothingChanges() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let refused = try await france.post("/notifications", form: [("digest", "on")])
            #expect(refused.status == .forbidden)
            var anonymous = BrowserSession(client: client)
            let signedOut = try await anonymous.get("/notifications")
            #expect(signedOut.status == .seeOther || signedOut.status == .unauthorized)
        }
        #expect(try NotificationStore(store: fixture.store).preferences(of: ServerFixture.france) == NotificationPreferences())
    }
}
