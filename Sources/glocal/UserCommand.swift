import ArgumentParser
import Foundation
import GlocalCore
import GlocalStore
import GlocalUseCases

/// `glocal user add | list | remove | reset-password`: the users of the approval UI.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage the users of the approval web UI (kept in the store).",
        subcommands: [Add.self, List.self, Remove.self, ResetPassword.self, UserNotificationsCommand.self])

    /// Reads a password from standard input (first line), or generates one.
    static func password(fromStandardInput: Bool) throws -> (password: String, generated: Bool) {
        guard fromStandardInput else { return (PasswordGenerator.generate(), true) }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8),
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).first
        else {
            throw CommandFailure(message: "standard input is not UTF-8 text")
        }
        return (String(line).trimmingCharacters(in: CharacterSet(charactersIn: "\r")), false)
    }

    static func failure(_ error: any Error) -> any Error {
        if let error = error as? UserStoreError { return CommandFailure(message: error.description) }
        return error
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user. Without --password-stdin a password is generated and printed once.")

        @Argument(help: "The user's e-mail address (their login).")
        var email: String

        @Option(help: "admin (every account), manager (their teams' accounts, from glocal.yaml) or viewer (read-only).")
        var role: UserRole

        @Flag(help: "Read the password from the first line of standard input.")
        var passwordStdin = false

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let approvals = try VariantApprovals(access: options.access(), storeNeed: .createdIfMissing)
            let (password, generated) = try UserCommand.password(fromStandardInput: passwordStdin)
            let user: User
            do {
                user = try approvals.store.users.add(email: email, role: role, password: password, now: Date())
            } catch { throw UserCommand.failure(error) }
            print("added \(user.email) (\(user.role.rawValue))")
            if generated { print("password: \(password)  (shown once; glocal user reset-password to change it)") }
            if role == .manager,
                approvals.scope(of: user).teams.isEmpty
            {
                FileHandle.standardError.write(
                    Data("glocal: warning: \(user.email) manages no team in glocal.yaml, so sees no account\n".utf8))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users with their role and teams.")

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let approvals = try VariantApprovals(access: options.access())
            for user in try approvals.store.users.users() {
                let teams = approvals.scope(of: user).teams
                print("\(user.email)  \(user.role.rawValue)" + (teams.isEmpty ? "" : "  teams: \(teams.joined(separator: ", "))"))
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a user and end their sessions (their audit entries stay).")

        @Argument(help: "The user's e-mail address.")
        var email: String

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let approvals = try VariantApprovals(access: options.access())
            do { try approvals.store.users.remove(email) } catch { throw UserCommand.failure(error) }
            print("removed \(email.lowercased())")
        }
    }

    struct ResetPassword: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract: "Set a new password (generated unless --password-stdin) and end the user's sessions.")

        @Argument(help: "The user's e-mail address.")
        var email: String

        @Flag(help: "Read the password from the first line of standard input.")
        var passwordStdin = false

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let approvals = try VariantApprovals(access: options.access())
            let (password, generated) = try UserCommand.password(fromStandardInput: passwordStdin)
            do { try approvals.store.users.resetPassword(email, to: password) } catch {
                throw UserCommand.failure(error)
            }
            print("password reset for \(email.lowercased())")
            if generated { print("password: \(password)  (shown once)") }
        }
    }
}

extension UserRole: ExpressibleByArgument {}
