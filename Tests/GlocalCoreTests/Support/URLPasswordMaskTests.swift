import Testing

@testable import GlocalCore

/// A URL's password is masked whether or not the URL parses.
@Suite struct URLPasswordMaskTests {
    @Test(arguments: [
        ("postgres://u:secret@db:5432/glocal", "postgres://u:***@db:5432/glocal"),
        ("smtp://glocal:SMTP/PASSW0RD@127.0.0.1:25", "smtp://glocal:***@127.0.0.1:25"),
        ("smtp://glocal:pa@ss@[::1:25", "smtp://glocal:***@[::1:25"),
        ("postgres://u@db/glocal", "postgres://u@db/glocal"),
        ("/var/lib/glocal/glocal.sqlite", "/var/lib/glocal/glocal.sqlite"),
    ])
    func masksWhatStandsBetweenTheUsersColonAndTheLastAt(_ text: String, _ expected: String) {
        #expect(URLPasswordMask.masked(text) == expected)
    }
}
