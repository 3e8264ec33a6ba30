import Foundation
import Testing

/// A secret written where it does not belong — a database URL spelled another way, a key pasted where the name of
/// a variable belongs, an SMTP URL that does not parse — is refused without being repeated (README: secrets never
/// in logs or diagnostics).
@Suite struct SecretEchoTests {
    static let password = "PGPASSW0RD"

    @Test(arguments: [
        "Postgres://u:PGPASSW0RD@127.0.0.1:1/db", "POSTGRESQL://u:PGPASSW0RD@127.0.0.1:1/db",
        " postgres://u:PGPASSW0RD@127.0.0.1:1/db", "jdbc:postgresql://u:PGPASSW0RD@127.0.0.1:1/db",
        "postgresql+psycopg2://u:PGPASSW0RD@127.0.0.1:1/db", "mysql://u:PGPASS/W0RD@host/db",
    ])
    func aDatabaseURLNeverPrintsItsPasswordNorBecomesAFile(_ url: String) throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        for command in [["pending", "--database", url], ["apply", "--now", "2026-11-21T09:00:00Z", "--database", url]] {
            let (status, output, error) = try OperationsCommandTests.glocal(command, in: workspace.root, environment: [:])
            #expect(status != 0, "\(command): \(output)")
            #expect(!(output + error).contains("PGPASS"), "\(command): \(output)\(error)")
        }
        let leftovers = FileManager.default.enumerator(atPath: workspace.container.path)?.compactMap { $0 as? String } ?? []
        #expect(!leftovers.contains { $0.contains("PGPASS") }, "a store file named after the URL: \(leftovers)")
        let (_, checked, _) = try OperationsCommandTests.glocal(
            ["config", "check"], in: workspace.root, environment: ["GLOCAL_DATABASE": url])
        #expect(!checked.contains("PGPASS"), "\(checked)")
    }

    @Test func aSecretPastedIntoTheServiceConfigurationIsNotRepeated() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let file = """
            secret_key: {env: "KEYB64MARKKEYB64MARK+/AAA="}
            smtp: {host: 127.0.0.1, from: a@b.example, user: glocal, password_env: "SMTP-PASSW0RD!", password: SMTPLITERAL}
            networks:
              x: {client_id_env: X_ID, client_secret_env: "CLIENTS3CRET-q"}
            """
        try Data(file.utf8).write(to: workspace.root.appendingPathComponent("service.yaml"))
        let (status, output, error) = try OperationsCommandTests.glocal(
            ["config", "check", "--config", "service.yaml"], in: workspace.root, environment: ["X_ID": "i"])
        #expect(status != 0)
        let printed = output + error
        for secret in ["KEYB64MARK", "SMTP-PASSW0RD", "SMTPLITERAL", "CLIENTS3CRET"] {
            #expect(!printed.contains(secret), "\(secret) printed: \(printed)")
        }
        #expect(printed.contains("config.value-invalid"), "the mistakes are still reported: \(printed)")
        let literalKey = "secret_key: KEYB64MARKLITERALKEY\n"
        try Data(literalKey.utf8).write(to: workspace.root.appendingPathComponent("service.yaml"))
        let literal = try OperationsCommandTests.glocal(
            ["config", "check", "--config", "service.yaml"], in: workspace.root, environment: [:])
        #expect(!(literal.output + literal.error).contains("KEYB64MARK"), "\(literal.output)\(literal.error)")
    }

    @Test(arguments: ["smtp://glocal:SMTP/PASSW0RD@127.0.0.1:25", "smtp://glocal:SMTPPASSW0RD@[::1:25"])
    func anSMTPURLThatDoesNotParseIsShownWithoutItsPassword(_ url: String) throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let (status, output, error) = try OperationsCommandTests.glocal(
            ["serve", "--port", "0", "--smtp", url, "--mail-from", "a@b.example"], in: workspace.root, environment: [:])
        #expect(status != 0)
        #expect(!(output + error).contains("PASSW0RD"), "\(output)\(error)")
        #expect((output + error).contains("***"), "\(output)\(error)")
    }
}
