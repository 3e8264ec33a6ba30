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
            (they are printed like the workspace's: file:line:col, rule id, caret), 0 otherwise. It checks what serve \
            and run check at start, except what needs the workspace or the store: the team webhook variables \
            (GLOCAL_WEBHOOK_<TEAM>) and whether the secret key opens the store's sealed credentials.
            """)

    @OptionGroup var service: ServiceOptions

    @Option(help: "As `serve --host`.") var host: String?
    @Option(help: "As `serve --port`.") var port: Int?
    @Option(help: "As `serve --database`.") var database: String?
    @Option(help: "As `serve --workspace`: where the default secret key file of a store in the workspace is checked.")
    var workspace: String?

    @OptionGroup(title: "Notifications (as `serve` and `run` take them)") var notify: NotificationOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var loaded = try service.resolve(
            flags: notify.serviceFlags.merging([
                ServiceSettingKey.host.key: host, ServiceSettingKey.port.key: port.map(String.init),
                ServiceSettingKey.database.key: database,
            ]) { _, command in command }, workspacePath: workspace, environment: environment)
        // `serve` and `run` refuse a digest time that is not one at start, as the rest of the configuration.
        do { _ = try NotificationOptions.digestSchedule(notify.digestAt) } catch {
            loaded.configuration.diagnostics.append(
                Diagnostic(.error, .configValueInvalid, "\(error)", at: nil))
        }
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
