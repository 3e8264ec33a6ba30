import Foundation
import GlocalCore
import GlocalUseCases
import Testing

/// glocal-service.yaml read with the workspace's diagnostics, resolved against flags and environment,
/// and `config check`'s masked table; the service log's lines.
struct ServiceConfigurationLoaderTests {
    /// A secret key as the service takes it: base64 of 32 bytes.
    static let key = Data((0..<32).map { UInt8($0) }).base64EncodedString()

    static func directory(file: String?) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if let file { try Data(file.utf8).write(to: directory.appendingPathComponent("glocal-service.yaml")) }
        return directory
    }

    @Test func unknownKeysAndBadValuesAreReportedLikeTheCompiler() throws {
        let directory = try Self.directory(
            file: "listen:\n  port: 99999\n  hots: 0.0.0.0\nlog:\n  format: xml\npublic_url: https://glocal.example.com\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let loaded = try ServiceConfigurationLoader(explicitPath: nil, currentDirectory: directory, flags: [:], environment: [:])
            .load()
        #expect(!loaded.configuration.isValid)
        let text = loaded.renderedDiagnostics
        #expect(
            text.contains(
                "glocal-service.yaml:2:9: error[config.value-invalid]: listen.port must be a whole number from 0 to 65535"))
        #expect(text.contains("glocal-service.yaml:3:3: error[key.unknown]: unknown key 'hots' in 'listen'"))
        #expect(text.contains("did you mean 'host'?"))
        #expect(text.contains("glocal-service.yaml:5:11: error[config.value-invalid]: log.format must be text or json"))
        #expect(text.contains("port: 99999") && text.contains("^~~~~"))
        // A flag replaces the file's bad port.
        let fixed = try ServiceConfigurationLoader(
            explicitPath: nil, currentDirectory: directory, flags: ["listen.port": "8081"], environment: [:]
        ).load()
        #expect(!fixed.renderedDiagnostics.contains("listen.port"))
        #expect(fixed.configuration.port == 8081)
    }

    @Test func checkShowsSourcesAndNeverASecretsValue() throws {
        let directory = try Self.directory(
            file: """
                public_url: https://glocal.example.com
                secret_key: {env: STORE_KEY}
                smtp: {host: mail.example.com, port: 587, insecure: true, from: glocal@example.com, user: glocal, password_env: SMTP_PASS}
                networks:
                  x: {client_id_env: X_ID, client_secret_env: X_SECRET}
                """)
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = [
            "STORE_KEY": Self.key, "SMTP_PASS": "hunter2-smtp", "X_ID": "x-client-id-value",
            "X_SECRET": "x-secret-value", "GLOCAL_PORT": "9090",
        ]
        let loaded = try ServiceConfigurationLoader(
            explicitPath: nil, currentDirectory: directory, flags: ["listen.host": "0.0.0.0"], environment: environment
        ).load()
        #expect(loaded.configuration.isValid)
        let text = loaded.checkText(environment: environment)
        for secret in environment.values where secret != "9090" { #expect(!text.contains(secret)) }
        #expect(text.contains("listen.host"))
        #expect(text.contains("(flag --host)"))
        #expect(text.contains("(env GLOCAL_PORT)"))
        #expect(text.contains("(file glocal-service.yaml:1:13)"))
        #expect(text.contains("SMTP_PASS (set, value hidden)"))
        #expect(text.contains("networks.x.client_secret_env  X_SECRET (set, value hidden)"))
        #expect(text.contains("log.level"))
        var base = environment
        let store = try loaded.storeEnvironment(base: &base, currentDirectory: directory)
        #expect(store["GLOCAL_SECRET_KEY"] == Self.key)
    }

    @Test func checkShowsThePostgreSQLURLServeAndRunTakeWithoutItsPassword() throws {
        let directory = try Self.directory(file: "database: /var/lib/glocal/glocal.sqlite\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = [
            "GLOCAL_DATABASE_URL": "postgres://glocal:s3cret@db.internal:5432/glocal?schema=lumiere",
            "GLOCAL_DATABASE": "/tmp/other.sqlite",
        ]
        let fromEnvironment = try ServiceConfigurationLoader(
            explicitPath: nil, currentDirectory: directory, flags: [:], environment: environment
        ).load().checkText(environment: environment)
        let row = try #require(fromEnvironment.split(separator: "\n").first { $0.hasPrefix("  database ") })
        #expect(row.contains("postgres://glocal@db.internal:5432/glocal?schema=lumiere"), "\(row)")
        #expect(row.hasSuffix("(env GLOCAL_DATABASE_URL)") && !fromEnvironment.contains("s3cret"), "\(row)")
        let fromFlag = try ServiceConfigurationLoader(
            explicitPath: nil, currentDirectory: directory, flags: ["database": "/srv/glocal.sqlite"], environment: environment
        ).load().checkText(environment: environment)
        let flagRow = try #require(fromFlag.split(separator: "\n").first { $0.hasPrefix("  database ") })
        #expect(flagRow.contains("/srv/glocal.sqlite") && flagRow.hasSuffix("(flag --database)"), "\(flagRow)")
    }

    @Test func anExplicitFileMustExistAndNoDefaultFileIsFine() throws {
        let directory = try Self.directory(file: nil)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: ServiceConfigurationError.self) {
            try ServiceConfigurationLoader(
                explicitPath: "missing.yaml", currentDirectory: directory, flags: [:], environment: [:]
            )
            .load()
        }
        let none = try ServiceConfigurationLoader(explicitPath: nil, currentDirectory: directory, flags: [:], environment: [:])
            .load()
        #expect(none.path == nil)
        #expect(none.configuration.isValid)
        #expect(none.configuration.port == 8080)
    }

    @Test func theServiceLogWritesJSONLinesAtOrAboveItsLevel() throws {
        let lines = LinesBox()
        let log = ServiceLog(format: .json, level: .info, clock: { Date(timeIntervalSince1970: 0) }, write: { lines.append($0) })
        log.log(.debug, "hidden")
        log.log(.info, "shown", [("n", .integer(1))])
        #expect(
            lines.all == [
                "{\"time\":\"1970-01-01T00:00:00.000Z\",\"level\":\"info\",\"message\":\"shown\",\"fields\":{\"n\":1}}\n"
            ])
    }
}

/// Lines a log wrote, for tests.
final class LinesBox: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
