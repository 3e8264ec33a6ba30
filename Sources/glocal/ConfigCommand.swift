import ArgumentParser
import Foundation
import GlocalCore
import GlocalUseCases

/// `glocal config`: the service configuration.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Check the service configuration (glocal-service.yaml, flags, environment).",
        subcommands: [ConfigCheckCommand.self])
}

/// `glocal config check`: the effective configuration with each value's source, secrets masked.
struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Print the effective service configuration with the source of each value (secrets masked).",
        discussion: """
            Precedence: flag > environment > file > default. Exit status 1 when the configuration has errors \
            (they are printed like the workspace's: file:line:col, rule id, caret), 0 otherwise.
            """)

    @OptionGroup var service: ServiceOptions

    @Option(help: "As `serve --host`.") var host: String?
    @Option(help: "As `serve --port`.") var port: Int?
    @Option(help: "As `serve --public-url`.") var publicURL: String?
    @Option(help: "As `serve --database`.") var database: String?
    @Option(help: "As `serve --mail-from`.") var mailFrom: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let loaded = try service.resolve(
            flags: [
                ServiceSettingKey.host.key: host, ServiceSettingKey.port.key: port.map(String.init),
                ServiceSettingKey.publicURL.key: publicURL, ServiceSettingKey.database.key: database,
                ServiceSettingKey.smtpFrom.key: mailFrom,
            ], environment: environment)
        FileHandle.standardOutput.write(Data(loaded.checkText(environment: environment).utf8))
        guard loaded.configuration.isValid else {
            FileHandle.standardOutput.write(Data(("\n" + loaded.renderedDiagnostics).utf8))
            let errors = loaded.configuration.diagnostics.filter { $0.severity == .error }.count
            FileHandle.standardOutput.write(Data("\(errors) error\(errors == 1 ? "" : "s") in the configuration\n".utf8))
            throw ExitCode(ExitStatus.failed)
        }
        FileHandle.standardOutput.write(Data("configuration ok\n".utf8))
    }
}
