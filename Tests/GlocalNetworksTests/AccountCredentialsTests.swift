import Foundation
import GlocalNetworks
import Testing

/// An account's token set: its JSON form (what the store seals and `glocal account connect` reads) and refreshes.
@Suite struct AccountCredentialsTests {
    @Test func theJSONFormHasSnakeCaseKeysSortedAndISODates() throws {
        let credentials = AccountCredentials(
            accessToken: "a", refreshToken: "r", expiresAt: Date(timeIntervalSince1970: 1_800_000_000), remoteUserID: "u",
            pageID: "p", authorURN: "urn:li:person:1", serverURL: URL(string: "https://m.example"), clientID: "c",
            clientSecret: "s")
        let json = String(decoding: try credentials.encoded(), as: UTF8.self)
        #expect(
            json
                == #"{"access_token":"a","author_urn":"urn:li:person:1","client_id":"c","client_secret":"s","#
                + #""expires_at":"2027-01-15T08:00:00Z","page_id":"p","refresh_token":"r","server_url":"https:\/\/m.example","#
                + #""user_id":"u"}"#)
        #expect(try AccountCredentials.decode(Data(json.utf8)) == credentials)
    }

    @Test func onlyTheAccessTokenIsRequired() throws {
        #expect(try AccountCredentials.decode(Data(#"{"access_token":"t"}"#.utf8)) == AccountCredentials(accessToken: "t"))
        #expect(throws: DecodingError.self) { try AccountCredentials.decode(Data(#"{"refresh_token":"r"}"#.utf8)) }
    }

    @Test func aRefreshWithoutARefreshTokenKeepsThePreviousOne() {
        let previous = AccountCredentials(accessToken: "old", refreshToken: "r1")
        #expect(AccountCredentials(accessToken: "new").keepingRefreshToken(of: previous).refreshToken == "r1")
        #expect(AccountCredentials(accessToken: "new", refreshToken: "").keepingRefreshToken(of: previous).refreshToken == "r1")
        #expect(AccountCredentials(accessToken: "new", refreshToken: "r2").keepingRefreshToken(of: previous).refreshToken == "r2")
        #expect(AccountCredentials(accessToken: "new").keepingRefreshToken(of: nil).refreshToken == nil)
        #expect(
            AccountCredentials(accessToken: "new").keepingRefreshToken(
                of: AccountCredentials(accessToken: "old", refreshToken: "")
            )
            .refreshToken == nil)
    }
}
