import Foundation
import GlocalCore
import GlocalYAML

/// Finds and reads the service configuration, then resolves it against flags and the environment.
///
/// The file: `--config PATH` (must exist), else `$GLOCAL_CONFIG` (must exist), else `glocal-service.yaml`
/// in the current directory if there is one (none is fine: flags, environment and defaults then).
public struct ServiceConfigurationLoader: Sendable {
    /// The default file name.
    public static let defaultFileName = "glocal-service.yaml"
    /// The environment variable naming the file.
    public static let environmentVariable = "GLOCAL_CONFIG"

    /// `--config`, if given.
    public var explicitPath: String?
    /// Where relative paths and the default file are looked up.
    public var currentDirectory: URL
    /// Flag values by setting key.
    public var flags: [String: String]
    /// The process environment.
    public var environment: [String: String]
    /// `--workspace`, if given: where the default secret key file of a store in the workspace is checked.
    public var workspacePath: String?

    /// Creates a loader.
    public init(
        explicitPath: String?, currentDirectory: URL, flags: [String: String],
        environment: [String: String] = ProcessInfo.processInfo.environment, workspacePath: String? = nil
    ) {
        self.explicitPath = explicitPath
        self.currentDirectory = currentDirectory
        self.flags = flags
        self.environment = environment
        self.workspacePath = workspacePath
    }

    /// The configuration, its file's text (for quoting diagnostics) and the file's path, if one was read.
    public func load() throws -> LoadedServiceConfiguration {
        var sources = SourceFiles()
        var file: ServiceConfigurationFile?
        var diagnostics: [Diagnostic] = []
        var path: String?
        if let named = explicitPath ?? environment[Self.environmentVariable].flatMap({ $0.isEmpty ? nil : $0 }) {
            let url = Self.resolve(named, in: currentDirectory)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw ServiceConfigurationError(message: "no configuration file at \(named)")
            }
            path = named
        } else if FileManager.default.fileExists(atPath: currentDirectory.appendingPathComponent(Self.defaultFileName).path) {
            path = Self.defaultFileName
        }
        if let path {
            let url = Self.resolve(path, in: currentDirectory)
            // Reading a FIFO would wait for a writer, and a device or a folder has no text: say what it is instead.
            if let kind = WorkspaceContainment.kind(at: url.path), kind != .regularFile {
                throw ServiceConfigurationError(message: "cannot read \(path): it is \(kind.rawValue), not a regular file")
            }
            let text: String
            do { text = try String(contentsOf: url, encoding: .utf8) } catch {
                throw ServiceConfigurationError(message: "cannot read \(path) as UTF-8 text: \(error.localizedDescription)")
            }
            // Quoted masked: a secret pasted into the file by mistake is not repeated under a caret.
            sources.add(path: path, text: ConfigurationExcerptMask.masked(text))
            let decoded = ServiceConfigurationDecoder.decode(text, path: path)
            file = decoded.file
            diagnostics = decoded.diagnostics
        }
        var configuration = ServiceConfigurationResolver(flags: flags, environment: environment, file: file).resolve()
        configuration.diagnostics = diagnostics + configuration.diagnostics
        var loaded = LoadedServiceConfiguration(configuration: configuration, sources: sources, path: path)
        // The store as the commands will choose it: one they would refuse is an error of the configuration.
        if let refused = loaded.storeDiagnostic(environment: environment) { loaded.configuration.diagnostics.append(refused) }
        // And the secret key as they will read it: one they would refuse is an error of the configuration too.
        if let key = loaded.secretKeyDiagnostic(
            environment: environment, currentDirectory: currentDirectory, workspacePath: workspacePath)
        {
            loaded.configuration.diagnostics.append(key)
        }
        return loaded
    }

    /// `path` as a file URL: absolute as it is, relative from `directory`.
    static func resolve(_ path: String, in directory: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path).standardizedFileURL
    }
}

/// A configuration file that cannot be found or read.
public struct ServiceConfigurationError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in one line.
    public let message: String
    /// The message.
    public var description: String { message }
}
