import Foundation
import GlocalCore
import Testing

struct ConnectAttemptLedgerTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let session = ConnectAttempt.sessionKey(of: "session-1")

    func attempt(_ state: String = "state-1", at issued: Date? = nil) -> ConnectAttempt {
        ConnectAttempt(
            state: state, sessionKey: session, accountID: "lumiere-fr-x", network: "x", actor: "claire@example", verifier: nil,
            redirectURI: "https://glocal.example/connect/x/callback", issuedAt: issued ?? now)
    }

    @Test func anAttemptsDescriptionsNameNoSecret() {
        let secret = ConnectAttempt(
            state: "state-0123456789abcdef", sessionKey: session, accountID: "lumiere-fr-mastodon", network: "mastodon",
            actor: "claire@example", verifier: "verifier-0123456789abcdef0123456789abcdef0123",
            redirectURI: "https://glocal.example/connect/mastodon/callback", issuedAt: now,
            instance: URL(string: "https://piaille.fr"), instanceClientID: "app-7", instanceClientSecret: "app-secret-7")
        let optional: ConnectAttempt? = secret
        for text in ["\(secret)", String(describing: optional), String(reflecting: secret), "\([secret])"] {
            #expect(text.contains("lumiere-fr-mastodon") && text.contains("<redacted>"), "\(text)")
            for hidden in ["state-0123456789abcdef", "verifier-0123", "app-secret-7", session] {
                #expect(!text.contains(hidden), "\(hidden)")
            }
        }
    }

    @Test func aStateServesOnce() throws {
        var ledger = ConnectAttemptLedger()
        ledger.add(attempt(), now: now)
        #expect(try ledger.take(state: "state-1", sessionKey: session, network: "x", now: now).get() == attempt())
        #expect(ledger.take(state: "state-1", sessionKey: session, network: "x", now: now) == .failure(.stateUnknown))
    }

    @Test func aMissingOrUnknownStateIsRefused() {
        var ledger = ConnectAttemptLedger()
        ledger.add(attempt(), now: now)
        #expect(ledger.take(state: nil, sessionKey: session, network: "x", now: now) == .failure(.stateMissing))
        #expect(ledger.take(state: "", sessionKey: session, network: "x", now: now) == .failure(.stateMissing))
        #expect(ledger.take(state: "forged", sessionKey: session, network: "x", now: now) == .failure(.stateUnknown))
    }

    @Test func anotherSessionCannotUseTheStateAndBurnsIt() {
        var ledger = ConnectAttemptLedger()
        ledger.add(attempt(), now: now)
        let other = ConnectAttempt.sessionKey(of: "session-2")
        #expect(ledger.take(state: "state-1", sessionKey: other, network: "x", now: now) == .failure(.otherSession))
        #expect(ledger.take(state: "state-1", sessionKey: session, network: "x", now: now) == .failure(.stateUnknown))
    }

    @Test func theStateExpiresAfterTenMinutes() {
        var ledger = ConnectAttemptLedger()
        ledger.add(attempt(), now: now)
        let late = now.addingTimeInterval(ConnectAttemptLedger.lifetime + 1)
        #expect(ledger.take(state: "state-1", sessionKey: session, network: "x", now: late) == .failure(.expired(minutes: 10)))
        ledger.add(attempt("state-2"), now: now)
        let inTime = now.addingTimeInterval(ConnectAttemptLedger.lifetime)
        #expect((try? ledger.take(state: "state-2", sessionKey: session, network: "x", now: inTime).get()) != nil)
    }

    @Test func anAttemptFromANodeWhoseClockIsAheadSaysSo() {
        // Started on a node (or a --now) six minutes ahead: not "more than ten minutes ago", which it is not.
        var ledger = ConnectAttemptLedger()
        ledger.add(attempt(at: now.addingTimeInterval(6 * 60)), now: now)
        let refusal = ledger.take(state: "state-1", sessionKey: session, network: "x", now: now)
        #expect(refusal == .failure(.fromTheFuture(minutes: 6)))
        #expect(
            ConnectRefusal.fromTheFuture(minutes: 6).description.hasPrefix(
                "this sign-in was started by a glocal whose clock is about 6 minutes ahead of this one's"))
        // A minute ahead is a clock's ordinary drift: accepted.
        ledger.add(attempt("state-2", at: now.addingTimeInterval(59)), now: now)
        #expect((try? ledger.take(state: "state-2", sessionKey: session, network: "x", now: now).get()) != nil)
    }

    @Test func theCallbackOfAnotherNetworkIsRefused() {
        var ledger = ConnectAttemptLedger()
        ledger.add(attempt(), now: now)
        #expect(
            ledger.take(state: "state-1", sessionKey: session, network: "mastodon", now: now)
                == .failure(.networkMismatch(expected: "x", got: "mastodon")))
    }

    @Test func expiredAttemptsAreForgottenWhenAnotherStarts() {
        var ledger = ConnectAttemptLedger()
        ledger.add(attempt("old"), now: now)
        ledger.add(attempt("new", at: now.addingTimeInterval(3_600)), now: now.addingTimeInterval(3_600))
        #expect(ledger.count == 1)
    }

    @Test func theRedirectURIIsExactUnderThePublicBaseURL() {
        #expect(
            ConnectAttempt.redirectURI(base: URL(string: "https://glocal.example/")!, network: "x")
                == "https://glocal.example/connect/x/callback")
        #expect(ConnectAttempt.sessionKey(of: "a") != ConnectAttempt.sessionKey(of: "b"))
        #expect(!ConnectAttempt.sessionKey(of: "secret-session").contains("secret-session"))
    }
}
