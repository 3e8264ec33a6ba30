import Foundation
import GlocalCore
import GlocalStore

/// `glocal serve --demo` and `glocal run --demo`: the example plan in the store, and four demo users with
/// fresh passwords.
public struct DemoSetup: Sendable {
    /// The workspace and its store.
    public let access: WorkspaceAccess
    /// The instant the plan is made and the users are created at.
    public let now: Date
    /// Where each line of the set-up's account goes (the command line writes it unbuffered, so the lines
    /// come before the server's own, which scripts wait for).
    public let say: @Sendable (String) -> Void

    /// A set-up of `access`'s workspace at `now`, telling `say` what it did.
    public init(access: WorkspaceAccess, now: Date, say: @escaping @Sendable (String) -> Void) {
        self.access = access
        self.now = now
        self.say = say
    }

    /// The demo users: an admin, two managers from two teams of glocal.yaml, a viewer.
    public func users(teams: [Team]) -> [(String, UserRole)] {
        let managers = ["france", "united-kingdom"].compactMap { id in teams.first { $0.id.value == id }?.managers.first?.value }
        let fallback = teams.prefix(2).compactMap { $0.managers.first?.value }
        return [("admin@lumiere.example", .admin)] + (managers.count == 2 ? managers : fallback).map { ($0, .manager) }
            + [("viewer@lumiere.example", .viewer)]
    }

    /// Applies the plan into an empty store, and creates the demo users (or gives them new passwords).
    public func prepare() throws {
        let result = try PlanPipeline(access: access, now: now, createsStore: true).run()
        if try result.store.allVariants().isEmpty {
            let changed = try result.store.apply(result.plan, basedOn: result.generation, actor: "demo", now: now)
            say("demo: applied the plan of \(access.root.lastPathComponent): \(changed) variants stored")
        }
        // The pipeline created the store; the users live in the same store.
        let users = try access.openStore(.existing).users
        say("demo users (passwords are new at each --demo start; shown once):")
        for (email, role) in self.users(teams: result.workspace.settings.teams) {
            let password = PasswordGenerator.generate()
            if try users.user(email) == nil {
                _ = try users.add(email: email, role: role, password: password, now: now)
            } else {
                try users.resetPassword(email, to: password)
            }
            let teams = ApprovalScope(email: email, role: role, teams: result.workspace.settings.teams).teams
            say(
                "  \(role.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(email)  password: \(password)"
                    + (teams.isEmpty ? "" : "  (teams: \(teams.joined(separator: ", ")))"))
        }
    }
}
