import Foundation
import GlocalTestSupport
import Testing

/// `glocal config check` and `serve` decide the SMTP settings and the secret key the same way (`SMTPEndpoint`,
/// `SecretKeyCheck`): a setup `serve` refuses is an error of the check, never "configuration ok".
@Suite struct ConfigCheckAgreementTests {
    static let key = Data((0..<32).map { UInt8(255 - $0) }).base64EncodedString()

    /// A setup and the message both the check and `serve` give for it.
    struct Refused: Sendable, CustomStringConvertible {
        var name: String
        var file: String
        var environment: [String: String] = [:]
        var keyFileMode: Int?
        var message: String
        var description: String { name }
    }

    static let refused: [Refused] = [
        Refused(
            name: "an SMTP host elsewhere without the opt-in",
            file: "smtp: {host: mail.example.com, port: 587, from: glocal@example.com}\n",
            message: "service.yaml:1:14: error[config.value-invalid]: mail.example.com is not this machine"),
        Refused(
            name: "a key file others may read", file: "secret_key: {file: secret.key}\n", keyFileMode: 0o644,
            message: "service.yaml:1:20: error[config.value-invalid]: secret_key.file secret.key has mode 644"),
        Refused(
            name: "a key file that is missing", file: "secret_key: {file: missing.key}\n",
            message: "service.yaml:1:20: error[config.value-invalid]: secret_key.file missing.key does not exist"),
        Refused(
            name: "an smtps URL", file: "",
            environment: ["GLOCAL_SMTP_URL": "smtps://127.0.0.1:465", "GLOCAL_MAIL_FROM": "glocal@example.com"],
            message: "error[config.value-invalid]: GLOCAL_SMTP_URL: the SMTP URL's scheme is 'smtps'"),
        Refused(
            name: "an SMTP URL without a sender", file: "", environment: ["GLOCAL_SMTP_URL": "smtp://127.0.0.1:25"],
            message: "error[config.incomplete]: GLOCAL_SMTP_URL: an SMTP server is set but no sender"),
        Refused(
            name: "a GLOCAL_SECRET_KEY that is not a key", file: "", environment: ["GLOCAL_SECRET_KEY": "not-a-key"],
            message: "error[config.value-invalid]: GLOCAL_SECRET_KEY does not hold a base64 key of 32 bytes"),
    ]

    @Test(arguments: refused)
    func whatServeRefusesTheCheckRefuses(_ setup: Refused) throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try Data(setup.file.utf8).write(to: workspace.root.appendingPathComponent("service.yaml"))
        if let mode = setup.keyFileMode {
            let file = workspace.root.appendingPathComponent("secret.key")
            try Data(Self.key.utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        }
        let (checked, output, _) = try OperationsCommandTests.glocal(
            ["config", "check", "--config", "service.yaml"], in: workspace.root, environment: setup.environment)
        #expect(checked == 1, "\(output)")
        #expect(output.contains(setup.message), "\(output)")
        #expect(!output.contains("configuration ok"))
        // `serve` stops on the same diagnostic before it listens (a server that started is stopped and fails the test).
        let database = workspace.root.appendingPathComponent(".glocal/serve.sqlite").path
        let inherited = ProcessInfo.processInfo.environment
        let serve = try GlocalProcess.start(
            ["serve", "--config", "service.yaml", "--port", "0", "--database", database], in: workspace.root,
            environment: setup.environment.merging(["PATH": inherited["PATH"] ?? "/usr/bin", "HOME": inherited["HOME"] ?? "/tmp"])
            { a, _ in a })
        if let line = serve.firstLine() {
            serve.terminate()
            Issue.record("serve started: \(line)")
        }
        #expect(serve.wait().status == 2)
        #expect(serve.standardError.contains(setup.message), "\(serve.standardError)")
        #expect(serve.standardError.contains("glocal: error: the service configuration has 1 error"))
    }

    @Test func theOptInLetsBothTakeAServerElsewhereAndTheCheckShowsTheServerUsed() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let file = "smtp: {host: mail.example.com, port: 587, from: glocal@example.com}\n"
        try Data(file.utf8).write(to: workspace.root.appendingPathComponent("service.yaml"))
        for environment in [["GLOCAL_SMTP_INSECURE": "true"], [:]] {
            let arguments = ["config", "check", "--config", "service.yaml"] + (environment.isEmpty ? ["--smtp-insecure"] : [])
            let (status, output, _) = try OperationsCommandTests.glocal(arguments, in: workspace.root, environment: environment)
            #expect(status == 0, "\(output)")
            #expect(output.contains(/smtp\.insecure +true +\((env GLOCAL_SMTP_INSECURE|flag --smtp-insecure)\)/), "\(output)")
        }
        try Data((file.dropLast() + "\n").replacingOccurrences(of: "port: 587,", with: "port: 587, insecure: true,").utf8)
            .write(to: workspace.root.appendingPathComponent("service.yaml"))
        let (status, output, _) = try OperationsCommandTests.glocal(
            ["config", "check", "--config", "service.yaml"], in: workspace.root,
            environment: ["GLOCAL_SMTP_URL": "smtp://127.0.0.1:2525"])
        #expect(status == 0, "\(output)")
        // The environment's URL wins over the file's host, as serve and run take it.
        #expect(output.contains(/smtp\.host +127\.0\.0\.1 +\(env GLOCAL_SMTP_URL\)/), "\(output)")
        #expect(output.contains(/smtp\.port +2525 +\(env GLOCAL_SMTP_URL\)/), "\(output)")
    }

    @Test func aPlainPathInGlocalDatabaseURLIsRefusedSayingWhatItTakes() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let environment = ["GLOCAL_DATABASE_URL": workspace.root.appendingPathComponent("plain.sqlite").path]
        let pending = try OperationsCommandTests.glocal(["pending"], in: workspace.root, environment: environment)
        #expect(pending.status == 2)
        #expect(
            pending.error.contains(
                "GLOCAL_DATABASE_URL: '\(environment["GLOCAL_DATABASE_URL"]!)' is not a URL: "
                    + "GLOCAL_DATABASE_URL takes a PostgreSQL URL"), "\(pending.error)")
        #expect(pending.error.contains("name a SQLite file with --database or GLOCAL_DATABASE"))
        let check = try OperationsCommandTests.glocal(["config", "check"], in: workspace.root, environment: environment)
        #expect(check.status == 1)
        #expect(check.output.contains("GLOCAL_DATABASE_URL takes a PostgreSQL URL"), "\(check.output)")
    }
}
