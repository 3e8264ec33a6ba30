import ArgumentParser
import Foundation
import GlocalCore
import GlocalStore
import GlocalUseCases

/// `glocal user notifications EMAIL [--digest on|off] [--alerts on|off]`: shows or changes what one
/// person is sent (the same setting as their Notifications page).
struct UserNotificationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notifications",
        abstract: "Show or turn on/off a user's daily digest and immediate alerts by e-mail.")

    /// `on` or `off`.
    enum Switch: String, ExpressibleByArgument, CaseIterable {
        case on, off
    }

    @Argument(help: "The user's e-mail address.")
    var email: String

    @Option(help: "The daily digest: on or off.")
    var digest: Switch?

    @Option(help: "Immediate alerts (a failed post, an account to reconnect): on or off.")
    var alerts: Switch?

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        let approvals = try VariantApprovals(access: options.access())
        guard let user = try approvals.store.users.user(email) else {
            throw CommandFailure(message: "no user '\(email.lowercased())' (glocal user list)")
        }
        let store = approvals.store.notifications
        var preferences = try store.preferences(of: user.email)
        if let digest { preferences.digest = digest == .on }
        if let alerts { preferences.alerts = alerts == .on }
        if digest != nil || alerts != nil { try store.setPreferences(preferences, for: user.email, now: Date()) }
        print("\(user.email): digest \(preferences.digest ? "on" : "off"), alerts \(preferences.alerts ? "on" : "off")")
        if user.role != .manager {
            print("note: only managers are sent digests and alerts (\(user.email) is \(user.role.rawValue))")
        }
    }
}
