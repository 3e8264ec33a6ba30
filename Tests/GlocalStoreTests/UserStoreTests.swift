import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// Users, bcrypt, login throttling and sessions on a real (in-memory) SQLite store.
struct UserStoreTests {
    let now = StoreFixtures.now
    let password = "correct horse battery"

    func users() throws -> (SQLiteVariantStore, UserStore) {
        let store = try SQLiteVariantStore.inMemory()
        return (store, UserStore(store: store, bcryptCost: 4))
    }

    @Test func aUserSignsInWithTheirPasswordAndTheHashIsBcrypt() throws {
        let (store, users) = try users()
        let added = try users.add(email: "Claire.Martin@Lumiere.example", role: .manager, password: password, now: now)
        #expect(added.email == "claire.martin@lumiere.example")
        let hash = try store.writer.read { try String.fetchOne($0, sql: "SELECT password_hash FROM user") }
        #expect(hash?.hasPrefix("$2b$04$") == true)
        #expect(hash?.contains(password) == false)
        #expect(try users.authenticate(email: "claire.martin@lumiere.example", password: password, now: now) == .success(added))
        #expect(try users.authenticate(email: "claire.martin@lumiere.example", password: "wrong password", now: now) == .invalid)
        #expect(try users.authenticate(email: "nobody@lumiere.example", password: password, now: now) == .invalid)
    }

    @Test func duplicatesWeakPasswordsAndBadAddressesAreRefused() throws {
        let (_, users) = try users()
        _ = try users.add(email: "a@lumiere.example", role: .admin, password: password, now: now)
        #expect(throws: UserStoreError.duplicateUser("a@lumiere.example")) {
            try users.add(email: "A@lumiere.example", role: .viewer, password: password, now: now)
        }
        #expect(throws: UserStoreError.weakPassword(minimumLength: 10)) {
            try users.add(email: "b@lumiere.example", role: .viewer, password: "short", now: now)
        }
        #expect(throws: UserStoreError.blankPassword) {
            try users.add(email: "b@lumiere.example", role: .viewer, password: String(repeating: " ", count: 12), now: now)
        }
        #expect(throws: UserStoreError.invalidEmail("not-an-address")) {
            try users.add(email: "not-an-address", role: .viewer, password: password, now: now)
        }
        // The rule of managers in glocal.yaml (EmailAddress): no control, invisible character or list separator.
        for address in ["c@x.example\u{202E}", "c,d@x.example", "c@x.example\r\nDATA", "c\u{200B}@x.example"] {
            #expect(throws: UserStoreError.invalidEmail(address.lowercased())) {
                try users.add(email: address, role: .viewer, password: password, now: now)
            }
        }
    }

    @Test func fiveFailuresBlockLoginsForFifteenMinutesEvenWithTheRightPassword() throws {
        let (_, users) = try users()
        _ = try users.add(email: "a@lumiere.example", role: .admin, password: password, now: now)
        for minute in 0..<5 {
            #expect(
                try users.authenticate(email: "a@lumiere.example", password: "nope", now: now + Double(minute) * 60) == .invalid)
        }
        let blocked = try users.authenticate(email: "a@lumiere.example", password: password, now: now + 300)
        #expect(blocked == .throttled(until: now + 900))
        if case .success = try users.authenticate(email: "a@lumiere.example", password: password, now: now + 901) {
        } else {
            Issue.record("the oldest failure left the window: the right password works again")
        }
    }

    @Test func removingAUserEndsTheirSessionsAndResettingAPasswordToo() throws {
        let (store, users) = try users()
        let sessions = SessionStore(store: store)
        _ = try users.add(email: "a@lumiere.example", role: .admin, password: password, now: now)
        let (token, session) = try sessions.open(for: "a@lumiere.example", now: now)
        #expect(try sessions.session(token: token, now: now + 60) == session)
        try users.resetPassword("a@lumiere.example", to: "another good password")
        #expect(try sessions.session(token: token, now: now + 60) == nil)
        #expect(try users.authenticate(email: "a@lumiere.example", password: "another good password", now: now) != .invalid)
        let (second, _) = try sessions.open(for: "a@lumiere.example", now: now)
        try users.remove("a@lumiere.example")
        #expect(try sessions.session(token: second, now: now) == nil)
        #expect(try users.users().isEmpty)
        #expect(throws: UserStoreError.userNotFound("a@lumiere.example")) { try users.remove("a@lumiere.example") }
    }

    @Test func sessionsExpireStoreOnlyATokenHashAndCloseOnLogout() throws {
        let (store, users) = try users()
        let sessions = SessionStore(store: store, lifetime: 3600)
        _ = try users.add(email: "a@lumiere.example", role: .viewer, password: password, now: now)
        let (token, session) = try sessions.open(for: "a@lumiere.example", now: now)
        #expect(token.count == 43)
        #expect(session.csrfToken.count == 43 && session.csrfToken != token)
        let stored = try store.writer.read { try String.fetchAll($0, sql: "SELECT token_hash FROM session") }
        #expect(stored == [SessionStore.hash(token)])
        #expect(try sessions.session(token: token, now: now + 3599)?.user.role == .viewer)
        #expect(try sessions.session(token: token, now: now + 3600) == nil)
        #expect(try sessions.session(token: SessionStore.randomToken(), now: now) == nil)
        try sessions.close(token: token)
        #expect(try sessions.session(token: token, now: now) == nil)
    }

    @Test func generatedPasswordsAreLongAndDiffer() {
        let a = UserStore.generatePassword(), b = UserStore.generatePassword()
        #expect(a.count == 20 && a != b)
        #expect(SessionStore.constantTimeEquals("abc", "abc") && !SessionStore.constantTimeEquals("abc", "abd"))
    }
}
