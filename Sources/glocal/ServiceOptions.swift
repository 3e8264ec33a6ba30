import ArgumentParser
import Foundation
import GlocalCore
import GlocalUseCases

/// The options of the long-running commands (`serve`, `run`) and of `config check`: the configuration
/// file and the log's format and level. The rest of the configuration has its own flags in each command.
struct ServiceOptions: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help: "The service configuration (default: $GLOCAL_CONFIG, else glocal-service.yaml in the current directory if any).")
    var configPath: String?

    @Option(help: "The log's format: text or json (JSON lines). Default: the configuration's log.format, else text.")
    var logFormat: String?

    @Option(help: "The lowest level logged (trace, debug, info, notice, warning, error, critical). Default: info.")
    var logLevel: String?

    /// The configuration with `flags` (setting key → value) over the environment and the file, the default secret key
    /// file looked for in `workspacePath`'s workspace; its diagnostics printed and a failure thrown when it has errors.
    func load(
        flags: [String: String?], workspacePath: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> LoadedServiceConfiguration {
        let loaded = try resolve(flags: flags, workspacePath: workspacePath, environment: environment)
        guard loaded.configuration.isValid else {
            FileHandle.standardError.write(Data(loaded.renderedDiagnostics.utf8))
            let errors = loaded.configuration.diagnostics.filter { $0.severity == .error }.count
            throw CommandFailure(
                message:
                    "the service configuration has \(errors) error\(errors == 1 ? "" : "s"); `glocal config check` shows "
                    + (errors == 1 ? "it" : "them"))
        }
        return loaded
    }

    /// The configuration as resolved, valid or not.
    func resolve(
        flags: [String: String?], workspacePath: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> LoadedServiceConfiguration {
        var given = flags.compactMapValues { $0 }
        if let logFormat { given[ServiceSettingKey.logFormat.key] = logFormat }
        if let logLevel { given[ServiceSettingKey.logLevel.key] = logLevel }
        do {
            return try ServiceConfigurationLoader(
                explicitPath: configPath, currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                flags: given, environment: environment, workspacePath: workspacePath
            ).load()
        } catch let error as ServiceConfigurationError {
            throw CommandFailure(message: error.message)
        }
    }
}

extension LoadedServiceConfiguration {
    /// The service's log as configured, on standard error.
    func serviceLog(clock: @escaping @Sendable () -> Date = { Date() }) -> ServiceLog {
        ServiceLog(format: configuration.logFormat, level: configuration.logLevel, clock: clock)
    }

    /// The workspace and store `options` name, with the configuration's database and secret key.
    func access(_ options: WorkspaceOptions) throws -> WorkspaceAccess {
        let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let environment: [String: String]
        do { environment = try storeEnvironment(currentDirectory: directory) } catch let error as ServiceConfigurationError {
            throw CommandFailure(message: error.message)
        }
        return try WorkspaceAccess(
            workspacePath: options.workspacePath, store: storeSelection(environment: environment), currentDirectory: directory,
            environment: environment)
    }
}
