import ArgumentParser
import Foundation
import GlocalCore
import GlocalNotify
import GlocalStore
import GlocalUseCases

/// `glocal run` and `glocal serve`'s notification options: the SMTP server and sender (flags or
/// environment; credentials from the environment only), the digest's local hour, and the address
/// links point to. Team webhooks come from `GLOCAL_WEBHOOK_<TEAM>`.
struct NotificationOptions: ParsableArguments {
    @Option(help: "SMTP server for digests and alerts, smtp://host:port (default: $GLOCAL_SMTP_URL; none: no e-mail).")
    var smtp: String?

    @Option(help: "The sender of digests and alerts (default: $GLOCAL_MAIL_FROM).")
    var mailFrom: String?

    @Flag(help: "Allow an SMTP server that is not on this machine although glocal sends without TLS.")
    var smtpInsecure = false

    @Option(help: "Local time (HH:MM, each manager's time zone) from which the daily digest is sent.")
    var digestAt = "08:00"

    @Option(
        help:
            "The web UI's public address, for links in e-mails, the networks' sign-in redirect (<URL>/connect/<network>/callback) and the media the networks fetch (default: the address it listens on)."
    )
    var publicURL: String?

    /// The notifier's settings, or `nil` when neither SMTP nor a webhook is configured.
    func settings(workspace: Workspace, listening: URL?, environment: [String: String]) throws -> NotifierSettings? {
        guard let schedule = DigestSchedule(parsing: digestAt) else {
            throw ValidationError("--digest-at takes a local time as HH:MM (e.g. 08:00), not '\(digestAt)'")
        }
        let url = smtp ?? environment["GLOCAL_SMTP_URL"].flatMap { $0.isEmpty ? nil : $0 }
        var smtpSettings: SMTPSettings?
        if let url {
            guard let from = mailFrom ?? environment["GLOCAL_MAIL_FROM"], !from.isEmpty else {
                throw CommandFailure(message: "an SMTP server is set but no sender: give --mail-from or GLOCAL_MAIL_FROM")
            }
            do {
                smtpSettings = try SMTPSettings(
                    url: url, from: from, username: environment["GLOCAL_SMTP_USERNAME"],
                    password: environment["GLOCAL_SMTP_PASSWORD"], insecure: smtpInsecure)
            } catch { throw CommandFailure(message: String(describing: error)) }
        }
        let webhooks: [String: URL]
        do {
            webhooks = try WebhookSender.urls(teamIDs: workspace.settings.teams.map(\.id.value), environment: environment)
        } catch { throw CommandFailure(message: String(describing: error)) }
        let settings = NotifierSettings(
            smtp: smtpSettings, webhooks: WebhookSender(urls: webhooks), schedule: schedule,
            baseURL: publicURL.flatMap(URL.init(string:)) ?? listening)
        return settings.isEnabled ? settings : nil
    }

    /// Starts a notifier round once a minute until `shouldStop`; `nil` when nothing is configured.
    func start(
        workspace: Workspace, store: any WorkspaceStore, listening: URL?, clock: @escaping @Sendable () -> Date,
        shouldStop: @escaping @Sendable () -> Bool, environment: [String: String] = ProcessInfo.processInfo.environment,
        log: ServiceLog, node: String?
    ) throws -> Notifier? {
        guard
            let settings = try settings(
                workspace: workspace, listening: listening, environment: environment)
        else { return nil }
        let notifier = Notifier(settings: settings, workspace: workspace, store: store) { line in
            log.relay(.warning, line, node: node)
        }
        let channels = [
            settings.smtp.map { "e-mail via \($0.host):\($0.port)" },
            settings.webhooks.urls.isEmpty ? nil : "webhooks of \(settings.webhooks.urls.keys.sorted().joined(separator: ", "))",
        ]
        FileHandle.standardOutput.write(
            Data(
                "glocal: notifications on (\(channels.compactMap { $0 }.joined(separator: "; ")); digest at \(settings.schedule.text))\n"
                    .utf8))
        Task.detached {
            while !shouldStop() && !Task.isCancelled {
                do { try await notifier.runOnce(now: clock()) } catch {
                    log.roundFailed("notification round failed", error: error, node: node)
                }
                for _ in 0..<60 where !shouldStop() { try? await Task.sleep(for: .seconds(1)) }
            }
        }
        return notifier
    }
}
