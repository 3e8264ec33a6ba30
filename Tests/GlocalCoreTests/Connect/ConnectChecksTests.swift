import Foundation
import GlocalCore
import Testing

struct ConnectChecksTests {
    @Test func missingScopesAreListedInTheRequiredOrder() {
        let required = ["tweet.read", "tweet.write", "users.read", "offline.access"]
        #expect(ScopeCheck.missing(required: required, granted: "users.read tweet.read") == ["tweet.write", "offline.access"])
        #expect(ScopeCheck.missing(required: required, granted: "offline.access,users.read,tweet.write,tweet.read") == [])
        // RFC 6749 5.1: no scope in the answer means the scopes asked for.
        #expect(ScopeCheck.missing(required: required, granted: nil) == [])
        #expect(ScopeCheck.missing(required: required, granted: "") == required)
    }

    @Test func theIdentityMatchesWithoutAtAndCase() {
        #expect(IdentityMatch.check(declared: "@LumiereFR", returned: ["lumierefr"]) == nil)
        #expect(
            IdentityMatch.check(declared: "LumiereFR", returned: ["LumiereDE"])
                == .wrongIdentity(expected: "LumiereFR", got: "LumiereDE"))
    }

    @Test func aMastodonHandleMustBeOnItsInstance() {
        let instance = URL(string: "https://mastodon.social")!
        #expect(IdentityMatch.check(declared: "@lumiere@mastodon.social", returned: ["lumiere"], instance: instance) == nil)
        #expect(
            IdentityMatch.check(declared: "@lumiere@piaille.fr", returned: ["lumiere"], instance: instance)
                == .wrongIdentity(expected: "@lumiere@piaille.fr", got: "lumiere@mastodon.social"))
    }

    @Test func aLinkedInOrganizationMatchesByItsId() {
        #expect(IdentityMatch.check(declared: "2414183", returned: ["urn:li:organization:2414183"]) == nil)
        #expect(IdentityMatch.check(declared: "2414183", returned: ["urn:li:organization:99"]) != nil)
    }

    @Test func refusalsSayWhatToDoAndNameNoSecret() {
        #expect(ConnectRefusal.denied(error: "access_denied", description: nil).description.contains("denied"))
        #expect(ConnectRefusal.scopesMissing(["tweet.write"]).description.contains("missing tweet.write"))
        #expect(
            ConnectRefusal.wrongIdentity(expected: "LumiereFR", got: "someone").description
                == "signed in as 'someone', but accounts.yaml declares 'LumiereFR': sign in as 'LumiereFR' on the network")
    }
}
