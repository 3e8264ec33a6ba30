import Testing

@testable import GlocalCore

/// The service configuration as diagnostics quote it: secrets masked, columns kept.
@Suite struct ConfigurationExcerptMaskTests {
    @Test func secretLinesAndURLPasswordsAreMaskedAtTheirLength() {
        let text = """
            listen: {host: 127.0.0.1, port: 8080}
            secret_key: {env: "KEY+/="}
            smtp: {host: mail, password: hunter2}
            database: postgres://u:pw@db/glocal
            """
        let masked = ConfigurationExcerptMask.masked(text)
        let lines = masked.split(separator: "\n").map(String.init)
        #expect(lines[0] == "listen: {host: 127.0.0.1, port: 8080}", "no secret: unchanged")
        #expect(!masked.contains("KEY+/=") && !masked.contains("hunter2") && !masked.contains(":pw@"), "\(masked)")
        #expect(lines[3] == "database: postgres://u:**@db/glocal")
        for (original, shown) in zip(text.split(separator: "\n"), lines) { #expect(original.count == shown.count) }
    }

    @Test func aFlowMappingKeepsItsKeysAndMasksEveryValue() {
        let line = "  x: {client_id_env: X_CLIENT_ID, client_secret_env: X_CLIENT_SECRET}"
        #expect(
            ConfigurationExcerptMask.masked(line) == "  x: {client_id_env: ***********, client_secret_env: ***************}")
        // A quoted value is masked whole, its `:` and `,` too; a list's items are values.
        let quoted = #"smtp: {host: mail, password: "a:b,c}d", user: me}"#
        #expect(ConfigurationExcerptMask.masked(quoted) == #"smtp: {host: ****, password: *********, user: **}"#)
        #expect(ConfigurationExcerptMask.masked("tokens: [abc, def]") == "tokens: [***, ***]")
        #expect(ConfigurationExcerptMask.masked("password_env: hunter2") == "password_env: *******")
    }
}
