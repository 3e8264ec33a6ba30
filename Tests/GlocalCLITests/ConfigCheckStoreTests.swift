import Foundation
import Testing

/// `glocal config check` applies the store rules `serve`, `run` and every command apply (`StoreSelection`): a store they
/// refuse is an error of the check (exit 1), at its place in the file or naming its flag or variable, never showing the
/// password. It said "configuration ok" for a `jdbc:` URL in the file, a PostgreSQL URL with a bad port and a `mysql://`
/// `GLOCAL_DATABASE_URL`, which `serve` and `run` then refused.
@Suite struct ConfigCheckStoreTests {
    static let password = "S3cretPW-xyz"

    @Test func aStoreURLOfAnotherKindInTheFileIsAnErrorAtItsPlace() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try Data("database: jdbc:postgresql://glocal:\(Self.password)@127.0.0.1:5432/glocal\n".utf8)
            .write(to: workspace.root.appendingPathComponent("svc.yaml"))
        let check = try OperationsCommandTests.glocal(["config", "check", "--config", "svc.yaml"], in: workspace.root)
        let error =
            "svc.yaml:1:11: error[config.value-invalid]: database 'jdbc:postgresql://glocal:***@127.0.0.1:5432/glocal' is not"
            + " a store glocal can open"
        #expect(check.status == 1, "\(check.output)")
        #expect(check.output.contains(error), "\(check.output)")
        #expect(
            check.output.contains(
                /database +jdbc:postgresql:\/\/glocal:\*\*\*@127\.0\.0\.1:5432\/glocal \(refused: see below\) +\(file svc\.yaml:1:11\)/
            ))
        #expect(check.output.hasSuffix("1 error in the configuration\n"), "\(check.output)")
        let serve = try OperationsCommandTests.glocal(["serve", "--config", "svc.yaml", "--port", "0"], in: workspace.root)
        #expect(serve.status == 2)
        #expect(serve.error.contains(error), "serve refuses it the same way: \(serve.error)")
        for text in [check.output, check.error, serve.output, serve.error] { #expect(!text.contains(Self.password)) }
    }

    @Test func aPostgreSQLURLTheCommandsCannotReadIsAnErrorNamingItsFlag() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        for (url, reason) in [
            ("postgres://glocal:\(Self.password)@127.0.0.1:notaport/glocal", "its port is not a whole number from 1 to 65535"),
            ("postgres://glocal:\(Self.password)@127.0.0.1/glocal?sslmode=allow", "its value of ?sslmode= is not one glocal"),
            ("postgres://glocal:\(Self.password)@127.0.0.1/glocal?connect_timeout=5", "its parameter ?connect_timeout= is not"),
            ("postgres://glocal:\(Self.password)%zz@127.0.0.1/glocal", "its password holds a '%' not followed"),
        ] {
            let check = try OperationsCommandTests.glocal(["config", "check", "--database", url], in: workspace.root)
            #expect(check.status == 1, "\(url): \(check.output)")
            #expect(check.output.contains("glocal: error[config.value-invalid]: --database: '"), "\(check.output)")
            #expect(check.output.contains(reason), "\(check.output)")
            #expect(!check.output.contains("configuration ok"))
            let pending = try OperationsCommandTests.glocal(["pending", "--database", url], in: workspace.root)
            #expect(pending.status == 2)
            #expect(pending.error.hasPrefix("glocal: error: --database: '"), "\(pending.error)")
            #expect(pending.error.contains(reason), "\(pending.error)")
            for text in [check.output, check.error, pending.output, pending.error] { #expect(!text.contains(Self.password)) }
        }
    }

    @Test func aNonPostgreSQLDatabaseURLInTheEnvironmentIsAnErrorNotTheSQLiteDefault() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let environment = ["GLOCAL_DATABASE_URL": "mysql://u:\(Self.password)@h/db"]
        let check = try OperationsCommandTests.glocal(["config", "check"], in: workspace.root, environment: environment)
        let error = "GLOCAL_DATABASE_URL: 'mysql://u:***@h/db' is not a store glocal can open"
        #expect(check.status == 1, "\(check.output)")
        #expect(check.output.contains("glocal: error[config.value-invalid]: " + error), "\(check.output)")
        #expect(check.output.contains(/database +mysql:\/\/u:\*\*\*@h\/db \(refused: see below\) +\(env GLOCAL_DATABASE_URL\)/))
        #expect(!check.output.contains(".glocal/glocal.sqlite in the workspace"), "the check named a store no command opens")
        let pending = try OperationsCommandTests.glocal(["pending"], in: workspace.root, environment: environment)
        #expect(pending.status == 2)
        #expect(pending.error == "glocal: error: \(error): give a postgres:// (or postgresql://) URL or a SQLite file path\n")
        for text in [check.output, check.error, pending.output, pending.error] { #expect(!text.contains(Self.password)) }
    }

    @Test func aStoreTheCommandsOpenIsStillFine() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let url = "postgres://glocal:\(Self.password)@db.example/glocal?schema=Mixed%20Case&sslmode=verify-full"
        let check = try OperationsCommandTests.glocal(
            ["config", "check"], in: workspace.root,
            environment: ["GLOCAL_DATABASE_URL": url, "GLOCAL_DATABASE": "/tmp/x.sqlite"])
        #expect(check.status == 0, "\(check.output)")
        #expect(
            check.output.contains(
                /database +postgres:\/\/glocal@db\.example:5432\/glocal\?schema=Mixed%20Case&sslmode=verify-full +\(env GLOCAL_DATABASE_URL\)/
            ), "\(check.output)")
        #expect(check.output.hasSuffix("configuration ok\n"))
        #expect(!check.output.contains(Self.password))
    }
}
