import ArgumentParser
import Foundation
import GlocalCore
import GlocalUseCases

/// Parses the command line and runs a command, mapping every outcome to glocal's exit codes:
/// 0 clean, 1 validation failed, 2 usage or I/O error.
enum CommandLineEntry {
    static func run(arguments: [String]) -> Int32 {
        do {
            var command = try GlocalCommand.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch let failure as ValidationFailure {
            FileHandle.standardOutput.write(Data(failure.output.utf8))
            return ExitStatus.failed
        } catch let failure as CommandFailure {
            if !failure.logged { FileHandle.standardError.write(Data("glocal: error: \(failure.message)\n".utf8)) }
            return ExitStatus.usage
        } catch let failure as UseCaseError {
            FileHandle.standardError.write(Data("glocal: error: \(failure)\n".utf8))
            return ExitStatus.usage
        } catch {
            let code = GlocalCommand.exitCode(for: error)
            let message = GlocalCommand.fullMessage(for: error)
            if code == .success {
                print(message)
                return 0
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            return ExitStatus.usage
        }
    }
}

/// glocal's exit statuses.
enum ExitStatus {
    static let clean: Int32 = 0
    static let failed: Int32 = 1
    static let usage: Int32 = 2
}

/// A usage or I/O problem that stops a command before it can do its job (exit status 2).
struct CommandFailure: Error {
    let message: String
    /// Whether the service log already has it (as a JSON line), so nothing more is printed.
    var logged = false

    /// A long-running command (`run`, `serve`, `dispatch`) that stopped on `message`: with a JSON log, one `critical`
    /// line of it (`what`, the error, the node) instead of the free-text `glocal: error:` line.
    static func stopped(_ what: String, _ message: String, log: ServiceLog, node: String?) -> CommandFailure {
        guard log.format == .json else { return CommandFailure(message: "\(what): \(message)") }
        var fields: [(name: String, value: LogValue)] = [("error", .text(LogRedaction.maskingURLPasswords(message)))]
        if let node { fields.append(("node", .text(node))) }
        log.log(.critical, what, fields)
        return CommandFailure(message: "\(what): \(message)", logged: true)
    }
}
