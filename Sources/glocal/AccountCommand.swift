import ArgumentParser
import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalStore
import GlocalUseCases

/// `glocal account`: connect accounts (credentials sealed at rest), pause and resume them.
struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Connect, list, pause and resume accounts.",
        subcommands: [Connect.self, List.self, Pause.self, Resume.self, PauseAll.self, ResumeAll.self])

    /// `glocal account connect ID`.
    struct Connect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store an account's credentials, sealed with AES-GCM (key: $GLOCAL_SECRET_KEY or a 0600 key file).",
            discussion: """
                Reads a JSON object from standard input: {"access_token": …, "refresh_token": …, "expires_at": …, \
                "user_id": …, "page_id": …, "author_urn": …, "server_url": …}. Tokens never go on the command line \
                (shell history) nor into YAML. Connecting clears a "needs reconnect" hold.

                With --browser, signs in on the network's own page instead: prints the URL to open and waits for the \
                redirect on http://127.0.0.1:PORT/connect/<network>/callback (register that redirect URI with the \
                network's app); Bluesky reads an app password from standard input.
                """)

        @OptionGroup var options: WorkspaceOptions

        @Argument(help: "The account id, as in accounts.yaml.")
        var account: String

        @Flag(help: "Sign in on the network's own authorization page instead of reading tokens from standard input.")
        var browser = false

        @Option(help: "With --browser: the loopback port the network redirects to.")
        var port = 8765

        @OptionGroup var connect: ConnectOptions

        func run() throws {
            let access = try options.access()
            let context = try AccountControls(access: access)
            let now = try options.instant()
            if browser {
                let workspace = try access.loadWorkspace()
                let id = try context.known(account)
                guard let declared = workspace.accounts.first(where: { $0.id.value == id }) else {
                    throw CommandFailure(message: "no account '\(id)' in accounts.yaml")
                }
                let connected = try BrowserConnect(connect: connect, port: port).run(declared, now: now)
                let connection = try context.secrets.connect(
                    try connected.credentials.encoded(), account: account, actor: context.actor, now: now,
                    note: connected.auditNote(flow: declared.network == .bluesky ? "Bluesky app password" : "OAuth"))
                let verb = connection.isReconnect ? "Reconnected" : "Connected"
                print("\(verb) \(account) as \(connected.identity); credentials sealed in \(access.storeDescription).")
                return
            }
            let input = FileHandle.standardInput.readDataToEndOfFile()
            let credentials: AccountCredentials
            do { credentials = try AccountCredentials.decode(input) } catch {
                throw CommandFailure(message: "standard input is not a credentials JSON object with an access_token")
            }
            guard !credentials.accessToken.isEmpty else { throw CommandFailure(message: "access_token is empty") }
            let connection = try context.connect(account, credentials: credentials, now: now)
            let verb = connection.isReconnect ? "Reconnected" : "Connected"
            let lifted = connection.clearedHold.map { " (lifted the hold: \($0))" } ?? ""
            print("\(verb) \(account)\(lifted); credentials sealed in \(access.storeDescription).")
        }
    }

    /// `glocal account list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts with their connection and holds.")

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let context = try AccountControls(access: options.access())
            let connected = Set(try context.secrets.accounts())
            let global = try context.store.publishQueue.globalPause()
            if global.paused { print("every account is paused: \(global.reason ?? "no reason given")") }
            for account in context.accountIDs {
                let holds = try context.store.publishQueue.holds(account: account)
                var flags = [connected.contains(account) ? "connected" : "not connected"]
                if holds.paused { flags.append("paused") }
                if let reason = holds.needsReconnect { flags.append("needs reconnect (\(reason))") }
                print("\(account)\t\(flags.joined(separator: ", "))")
            }
        }
    }

    /// `glocal account pause ID`.
    struct Pause: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pause an account: nothing is sent; slots that pass become missed.")
        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The account id.") var account: String

        func run() throws {
            let context = try AccountControls(access: options.access())
            let changed = try context.setPaused(true, account: account, now: try options.instant())
            print(changed ? "Paused \(account)." : "\(account) was already paused: nothing changed.")
        }
    }

    /// `glocal account resume ID`.
    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Resume an account; slots that passed while paused stay missed.")
        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The account id.") var account: String

        func run() throws {
            let context = try AccountControls(access: options.access())
            let changed = try context.setPaused(false, account: account, now: try options.instant())
            print(changed ? "Resumed \(account)." : "\(account) was not paused: nothing changed.")
        }
    }
}

extension AccountCommand {
    /// `glocal account pause-all --reason TEXT`: the crisis switch.
    struct PauseAll: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pause-all",
            abstract: "Pause every account at once (crisis): nothing is sent; slots that pass become missed.")
        @OptionGroup var options: WorkspaceOptions
        @Option(help: "Why, for the other people running glocal (shown on every page and in the audit log).")
        var reason: String

        func run() throws {
            let context = try AccountControls(access: options.access())
            switch CrisisPauseReason.reading(reason) {
            case .failure(.empty): throw CommandFailure(message: "--reason is empty: say why every account is paused")
            case .failure(.tooLong(let length)):
                throw CommandFailure(
                    message: "--reason is \(length) characters, at most \(CrisisPauseReason.maxLength): every page shows it")
            case .failure(.control(let scalar)):
                throw CommandFailure(
                    message: "--reason holds \(DiagnosticText.codePointName(scalar)), a control character: give it without")
            case .success(let reason):
                try context.setGlobalPause(true, reason: reason.text, now: try options.instant())
                print("Paused every account: \(reason.text)")
            }
        }
    }

    /// `glocal account resume-all`.
    struct ResumeAll: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resume-all", abstract: "Lift the global pause; slots that passed while paused stay missed.")
        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let context = try AccountControls(access: options.access())
            try context.setGlobalPause(false, reason: nil, now: try options.instant())
            print("Resumed every account.")
        }
    }
}
