import Foundation
import GlocalCore
import GlocalStore

/// `glocal serve --demo`: the example plan in the store, and four demo users with fresh passwords.
struct DemoSetup {
    let root: URL
    let databasePath: String
    let now: Date

    /// The demo users: an admin, two managers from two teams of glocal.yaml, a viewer.
    func users(teams: [Team]) -> [(String, UserRole)] {
        let managers = ["france", "united-kingdom"].compactMap { id in teams.first { $0.id.value == id }?.managers.first?.value }
        let fallback = teams.prefix(2).compactMap { $0.managers.first?.value }
        return [("admin@lumiere.example", .admin)] + (managers.count == 2 ? managers : fallback).map { ($0, .manager) }
            + [("viewer@lumiere.example", .viewer)]
    }

    /// Unbuffered, so the lines come before the server's own (which scripts wait for).
    private func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    func prepare() throws {
        let result = try PlanPipeline(root: root, databasePath: databasePath, now: now, createsStore: true).run()
        if try result.store.allVariants().isEmpty {
            let changed = try result.store.apply(result.plan, basedOn: result.generation, actor: "demo", now: now)
            say("demo: applied the plan of \(root.lastPathComponent): \(changed) variants stored")
        }
        let users = UserStore(store: result.store)
        say("demo users (passwords are new at each --demo start; shown once):")
        for (email, role) in self.users(teams: result.workspace.settings.teams) {
            let password = UserStore.generatePassword()
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
