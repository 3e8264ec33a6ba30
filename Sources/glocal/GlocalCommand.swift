import ArgumentParser
import GlocalUseCases

/// The `glocal` command: global campaigns, local voices.
struct GlocalCommand: ParsableCommand {
    static let version = GlocalVersion.current

    static let configuration = CommandConfiguration(
        commandName: "glocal",
        abstract: "Expand global social-media campaigns into checked, local variants for every account.",
        discussion: """
            A workspace is a directory with glocal.yaml, accounts.yaml, locales/ and campaigns/.
            Exit status: 0 clean, 1 validation failed, 2 usage or I/O error.
            """,
        version: version,
        subcommands: [
            ValidateCommand.self, PlanCommand.self, ApplyCommand.self, ExplainCommand.self, CalendarCommand.self,
            TextLengthCommand.self, ServeCommand.self, UserCommand.self, PendingCommand.self, ApproveCommand.self,
            RejectCommand.self, AuditCommand.self, AccountCommand.self, DispatchCommand.self, SandboxCommand.self,
            ReportCommand.self, MetricsCommand.self, RunCommand.self, ConfigCommand.self, StoreCommand.self,
            AccountsCommand.self,
        ])
}
